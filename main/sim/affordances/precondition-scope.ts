/**
 * Answers a precondition's names from the live world for one agent at one object, reading the
 * typed columns directly so a check builds no objects. The names here are exactly those listed
 * in ./precondition-scope-names.ts.
 */
import { Shift } from '../state/agent-store'
import type { World } from '../state/world'
import { dayOf, tickOfDay } from '../time/clock'
import type { PreconditionScope } from './precondition'

export function preconditionScope(world: World, agent: number, object: number): PreconditionScope {
  const { state, params } = world
  const a = state.agents.cols
  const objects = state.objects
  return (path) => {
    const [root, field] = path
    switch (root) {
      case 'agent':
      case 'needs':
        switch (field) {
          case 'hunger':
          case 'hygiene':
          case 'energy':
            return a[field][agent]
          case 'wallet':
            return a.wallet[agent]
          case 'job':
            return a.job[agent]! >= 0 ? (params.jobs[a.job[agent]!]?.id ?? null) : null
          case 'employed':
            return a.job[agent]! >= 0
          case 'on_shift':
            return a.shift[agent] === Shift.on_time || a.shift[agent] === Shift.late
          case 'at_home':
            return a.home[agent] === objects.home[object]
          case 'meals_eaten':
            return a.mealsEaten[agent]
          case 'meals_cooked':
            return a.mealsCooked[agent]
        }
        return null
      case 'stock': {
        // Own keys only: `stock.__proto__` or `stock.constructor` must read null, not Object.prototype.
        const stock = objects.stock[object]
        return field !== undefined && stock !== undefined && Object.hasOwn(stock, field) ? (stock[field] ?? null) : null
      }
      case 'object':
        switch (field) {
          case 'id':
            return objects.ids[object]
          case 'type':
            return objects.types[object]
          case 'queue_length':
            return objects.queue[object]?.length ?? 0
          case 'in_home':
            return objects.home[object]! >= 0
        }
        return null
      case 'queue_length':
        return objects.queue[object]?.length ?? 0
      case 'economy':
        return field === 'meal_cost' || field === 'ingredients_cost' || field === 'wage_income' ? state.prices[field] : null
      case 'utilities':
        return field === 'power' || field === 'water' ? state.utilities[field] : null
      case 'world': {
        const minutes = Math.floor((tickOfDay(params.clock, state.tick) * 1440) / params.clock.ticksPerDay)
        if (field === 'tick') return state.tick
        if (field === 'day') return dayOf(params.clock, state.tick)
        if (field === 'hour') return Math.floor(minutes / 60)
        if (field === 'minute') return minutes % 60
        return null
      }
    }
    return null
  }
}

