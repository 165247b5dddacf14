/**
 * When the policy looks at an agent: alive, not possessed (the operator drives it), not in the
 * middle of using an object, and, while carrying out any option but idle, only every
 * RECONSIDER_EVERY ticks (staggered by slot). The scripted controller and the model runtime share
 * this cadence, so swapping one for the other changes what agents choose, never how often.
 */
import { OPTION_INDEX, Phase } from '../../sim/state/agent-store'
import type { World } from '../../sim/state/world'

/**
 * An agent busy with an option reconsiders it every this many ticks (staggered by agent), not
 * every tick: a few ticks' delay in noticing a need is invisible, and it cuts the controller's
 * cost by this factor in a large town. An idle agent looks every tick, so it never sets off late.
 */
export const RECONSIDER_EVERY = 4

/** Whether the agent's phase means it is still carrying out its option. */
export function inProgress(phase: number): boolean {
  return phase !== Phase.none && phase !== Phase.done && phase !== Phase.failed
}

export function atDecisionPoint(world: World, i: number): boolean {
  const a = world.state.agents.cols
  if (a.alive[i] !== 1 || a.possessed[i] === 1) return false
  const phase = a.phase[i]!
  if (phase === Phase.using) return false
  if (inProgress(phase) && a.option[i] !== OPTION_INDEX.idle && (world.state.tick + i) % RECONSIDER_EVERY !== 0) return false
  return true
}
