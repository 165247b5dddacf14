/**
 * The policy's share of the world state: the anneal ratio (the chance an agent's decision comes
 * from the model rather than the scripted controller). It lives in the state, changed only by the
 * tick (the config's schedule, console `anneal_set`), so a replay from the input log sees the same
 * ratio at every tick without the runtime that read it. Which agents an operator possesses is the
 * agent column `possessed`.
 */
import type { ShardConfig } from '../../config/shard-config-schema'

export interface PolicyState {
  anneal_ratio: number
}

export function createPolicyState(config: ShardConfig): PolicyState {
  return { anneal_ratio: config.policy.anneal.ratio }
}

/** A copy for hashing and snapshots. */
export function policySnapshot(state: PolicyState): { anneal_ratio: number } {
  return { anneal_ratio: state.anneal_ratio }
}
