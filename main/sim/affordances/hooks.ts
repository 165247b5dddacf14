/**
 * The built-in hook handlers the registry may name (see ./hook-names.ts). A `before` handler may
 * veto the start by returning a reason; `after` and `fail` handlers only record.
 */
import { emit, type World } from '../state/world'
import type { HookName } from './hook-names'

export interface HookContext {
  world: World
  agent: number
  object: number
  affordanceId: string
  /** Why the affordance failed (fail hooks only). */
  reason?: string
}

type Handler = (ctx: HookContext) => string | undefined

const HANDLERS: Record<HookName, Handler> = {
  residents_only: ({ world, agent, object }) => {
    const home = world.state.objects.home[object]!
    return home >= 0 && world.state.agents.cols.home[agent] !== home ? 'not_resident' : undefined
  },
  count_meal: ({ world, agent }) => {
    world.state.agents.cols.mealsEaten[agent]!++
    world.state.totals.meals++
    return undefined
  },
  count_cooked: ({ world, agent }) => {
    world.state.agents.cols.mealsCooked[agent]!++
    world.state.agents.cols.mealsEaten[agent]!++
    world.state.totals.meals++
    return undefined
  },
  count_shower: ({ world, agent }) => {
    world.state.agents.cols.showers[agent]!++
    world.state.totals.showers++
    return undefined
  },
  count_sleep: ({ world, agent }) => {
    world.state.agents.cols.sleeps[agent]!++
    world.state.totals.sleeps++
    return undefined
  },
  note_outage: ({ world, object, reason }) => {
    const { utilities } = world.state
    if (reason?.includes('utilities.') && (!utilities.power || !utilities.water)) {
      emit(world.state, 'utility_outage_noticed', { object_id: world.state.objects.ids[object]!, power: utilities.power, water: utilities.water })
    }
    return undefined
  }
}

/** Run a stage's hooks in order; the first veto (a reason) stops the rest and is returned. */
export function runHooks(names: readonly HookName[], ctx: HookContext): string | undefined {
  for (const name of names) {
    const veto = HANDLERS[name](ctx)
    if (veto !== undefined) return veto
  }
  return undefined
}
