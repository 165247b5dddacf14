/**
 * A keyframe: the whole state of a simulation at a tick boundary, compact. It holds what a resume
 * needs (the world's JSON, the policy runtime's JSON, the last tick's events, which the policy
 * reads next) gzipped at a fast level, plus two things JSON cannot carry that a replay must use
 * as they were: the affordance registry the world ran under (swaps remap running affordances)
 * and which model decided (for a fork that replays through the policy).
 */
import { gunzipSync, gzipSync } from 'node:zlib'
import type { PolicyRuntimeJson } from '../../policy/runtime/policy-runtime-json'
import type { AffordanceRegistry } from '../../sim/affordances/registry'
import { worldSnapshot, type WorldJson } from '../../sim/hash/world-snapshot'
import type { ConsoleOp } from '../../sim/inputs'
import type { SimEvent } from '../../sim/state/world'
import type { Simulation } from '../simulation'

export interface KeyframeState {
  world: WorldJson
  policy: PolicyRuntimeJson
  last_events: SimEvent[]
  /** Console ops queued for the next tick: only a branch's parked tip carries them (elsewhere the input log does). */
  pending_ops: ConsoleOp[]
}

export interface Keyframe {
  readonly tick: number
  /** gzip of the JSON of a `KeyframeState`. */
  readonly data: Buffer
  readonly bytes: number
  readonly registry: AffordanceRegistry
  /** The model's sha256 that decided up to here (null: the scripted controller). */
  readonly policyHash: string | null
}

/** Fixed cost counted per keyframe beyond its buffer. */
const KEYFRAME_OVERHEAD = 256

/**
 * The state of `sim` now, between ticks or from a tick listener (after the tick, before the next
 * decision). `withPending` keeps the queued console ops (a parked branch's tip).
 */
export function captureKeyframe(sim: Simulation, withPending = false): Keyframe {
  const state: KeyframeState = {
    world: worldSnapshot(sim.world),
    policy: sim.policy.toJSON(),
    last_events: [...sim.lastTickEvents],
    pending_ops: withPending ? sim.pendingOps() : []
  }
  // Level 1: a keyframe is written every K ticks and read on a seek; speed matters more than the last few percent.
  const data = gzipSync(JSON.stringify(state), { level: 1 })
  return { tick: sim.world.state.tick, data, bytes: data.length + KEYFRAME_OVERHEAD, registry: sim.world.registry, policyHash: sim.policy.model?.sha256 ?? null }
}

export function decodeKeyframe(keyframe: Keyframe): KeyframeState {
  return JSON.parse(gunzipSync(keyframe.data).toString('utf8')) as KeyframeState
}
