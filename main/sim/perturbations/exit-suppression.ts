/**
 * Exit suppression: lifecycle must not remove people for a shock the operator (or the scheduler)
 * put on the town. An exit is suppressed while an event tied to it is active, and for
 * `exit_grace_ticks` after it ends, so people get a chance to recover (eat once the power is back).
 *
 * | event | whom it covers | exit reasons it suppresses |
 * | --- | --- | --- |
 * | price spike on meal_cost or ingredients_cost | everyone (prices are town-wide) | food: faint, starvation, hunger |
 * | price spike on wage_income | everyone | money: eviction, bankruptcy, debt |
 * | power outage (no cooking) | everyone | food |
 * | water outage (no showers) | everyone | hygiene: hygiene, illness |
 * | arranged meet | its participants only | every lifecycle reason (they were taken from what they were doing) |
 *
 * Other reasons (a console `kill`, a config-driven age-out) are never suppressed.
 */
import type { World } from '../state/world'
import type { PerturbationKind } from '../../config/sections/perturbations'

/** Lifecycle exit reasons, grouped by the shock that can cause them (the table above). */
export const EXIT_REASONS = {
  food: ['faint', 'starvation', 'hunger'],
  money: ['eviction', 'bankruptcy', 'debt'],
  hygiene: ['hygiene', 'illness']
} as const

const inGroup = (group: readonly string[], reason: string) => group.includes(reason)

/** Whether an event of `kind` on `targets` is tied to this agent's exit for `reason`. */
function tied(kind: PerturbationKind, targets: readonly string[], agentId: string, reason: string): boolean {
  switch (kind) {
    case 'price_spike':
      return (
        (inGroup(EXIT_REASONS.food, reason) && (targets.includes('meal_cost') || targets.includes('ingredients_cost'))) ||
        (inGroup(EXIT_REASONS.money, reason) && targets.includes('wage_income'))
      )
    case 'power_outage':
      return inGroup(EXIT_REASONS.food, reason)
    case 'water_outage':
      return inGroup(EXIT_REASONS.hygiene, reason)
    case 'arranged_meet':
      return reason !== 'console' && targets.includes(agentId)
  }
}

/** Whether an exit of this agent for this reason is suppressed by an active (or just-ended) perturbation. */
export function exitSuppressed(world: World, agent: number, reason: string): boolean {
  const p = world.state.perturbations
  if (p.active.length === 0 && p.recent.length === 0) return false
  const id = world.state.agents.ids[agent] ?? ''
  // Cancelled events still count: the operator's shock happened, however briefly.
  for (const e of p.active) if (tied(e.kind, e.targets, id, reason)) return true
  for (const e of p.recent) if (tied(e.kind, e.targets, id, reason)) return true
  return false
}
