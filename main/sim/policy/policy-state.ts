/**
 * The policy's share of the world state: the anneal ratio (the chance an agent's decision comes
 * from the model rather than the scripted controller). It lives in the state, changed only by the
 * tick (the config's schedule, console `anneal_set`), so a replay from the input log sees the same
 * ratio at every tick without the runtime that read it. Which agents an operator possesses is the
 * agent column `possessed`.
 */
import type { ShardConfig } from '../../config/shard-config-schema'
import { at, numberAt, objectWithKeys, Problems, UNIT, type Parsed } from '../snapshot/json-problems'

export interface PolicyState {
  anneal_ratio: number
}

export function createPolicyState(config: ShardConfig): PolicyState {
  return { anneal_ratio: config.policy.anneal.ratio }
}

export type PolicyJson = PolicyState

/** A copy for hashing and snapshots. */
export function policyToJSON(state: PolicyState): PolicyJson {
  return { anneal_ratio: state.anneal_ratio }
}

export function policyFromJSON(json: unknown, path = 'policy'): Parsed<PolicyState> {
  const p = new Problems()
  const o = objectWithKeys(p, path, json, ['anneal_ratio'])
  const ratio = o ? numberAt(p, at(path, 'anneal_ratio'), o.anneal_ratio, UNIT) : null
  return p.result(() => ({ anneal_ratio: ratio! }))
}
