/**
 * The first step of a tick: what the policy side hands the tick besides decisions. The `policy`
 * RNG stream the controller drew from between ticks is adopted from the inputs (so a replay,
 * which runs no controller, restores the same stream), and an anneal schedule entry for this tick
 * sets the ratio (before the console, so an operator's `anneal_set` in the same tick wins).
 */
import type { TickInputs } from '../inputs'
import { streamFromState } from '../rng/rng-streams'
import { emit, type World } from '../state/world'

export function applyPolicyInputs(world: World, inputs: TickInputs): void {
  const { state } = world
  if (inputs.policy_rng) state.rng.policy = streamFromState(inputs.policy_rng)
  // Schedule ticks increase (the config checks it), so the scan stops at the first later entry.
  for (const step of world.params.config.policy.anneal.schedule) {
    if (step.tick > state.tick) break
    if (step.tick === state.tick) setAnnealRatio(world, step.ratio, 'schedule')
  }
}

/** Set the anneal ratio and say so (`policy.anneal.update`); returns the ratio it replaced. */
export function setAnnealRatio(world: World, ratio: number, source: 'console' | 'schedule'): number {
  const policy = world.state.policy
  const previous = policy.anneal_ratio
  policy.anneal_ratio = ratio
  emit(world.state, 'policy.anneal.update', { ratio, previous, source })
  return previous
}
