/**
 * The rewards system's state. Part of the world, so it is hashed and goes into snapshots; plain
 * data only: per-agent-slot number arrays (slots are never reused, see agent-store.ts) plus a
 * small map for respawns. `rewardsSnapshot` and `restoreRewardsState` are symmetric.
 */
import type { ShardConfig } from '../../config/shard-config-schema'
import type { JsonValue } from '../state/world'
import { REWARD_COMPONENTS, type RewardComponent } from './reward-components'

export interface RewardsState {
  /** The tick last computed (0 before the first). */
  tick: number
  /** Per slot: `wagesEarned` at the end of the last tick, so the wage component is this tick's pay only. */
  wagesSeen: number[]
  /** Per slot: the running total of the agent's life (its episode), its final tick included. */
  episode: number[]
  /** Per slot: the last tick of a no-positive window, or -1. */
  guardUntil: number[]
  /** Per slot: the tick the agent left, or -1 while it lives. */
  exitedAt: number[]
  /** Per slot: the last reward paid and its components (what `rewardOf` shows). */
  total: number[]
  components: Record<RewardComponent, number[]>
  /** Agent id of one who left → last tick of the no-positive window its respawn inherits. */
  successorGuard: Record<string, number>
}

export function createRewardsState(_config: ShardConfig): RewardsState {
  return {
    tick: 0,
    wagesSeen: [],
    episode: [],
    guardUntil: [],
    exitedAt: [],
    total: [],
    components: Object.fromEntries(REWARD_COMPONENTS.map((c) => [c, []])) as unknown as Record<RewardComponent, number[]>,
    successorGuard: {}
  }
}

/** Grow the per-slot arrays to `count` slots; a new slot starts a fresh life. */
export function ensureSlots(state: RewardsState, count: number): void {
  for (let i = state.total.length; i < count; i++) {
    state.wagesSeen.push(0)
    state.episode.push(0)
    state.guardUntil.push(-1)
    state.exitedAt.push(-1)
    state.total.push(0)
    for (const c of REWARD_COMPONENTS) state.components[c].push(0)
  }
}

/** The state as canonical-JSON-ready data, for hashing and snapshots. */
export function rewardsSnapshot(state: RewardsState): JsonValue {
  return {
    tick: state.tick,
    wages_seen: [...state.wagesSeen],
    episode: [...state.episode],
    guard_until: [...state.guardUntil],
    exited_at: [...state.exitedAt],
    total: [...state.total],
    components: Object.fromEntries(REWARD_COMPONENTS.map((c) => [c, [...state.components[c]]])),
    successor_guard: { ...state.successorGuard }
  }
}

/**
 * Rebuild the state from `rewardsSnapshot` output. Throws with the offending key when the data
 * is not such a snapshot: the snapshot loader validates files before this runs, so a mismatch
 * here is a bug, not user input.
 */
export function restoreRewardsState(data: JsonValue): RewardsState {
  const o = record(data, 'rewards')
  const slots = numbers(o.total, 'total')
  const perSlot = (key: string) => {
    const arr = numbers(o[key], key)
    if (arr.length !== slots.length) throw new Error(`rewards snapshot: ${key} has ${arr.length} slots, total has ${slots.length}`)
    return arr
  }
  const comps = record(o.components ?? null, 'components')
  const guards = record(o.successor_guard ?? null, 'successor_guard')
  return {
    tick: num(o.tick, 'tick'),
    wagesSeen: perSlot('wages_seen'),
    episode: perSlot('episode'),
    guardUntil: perSlot('guard_until'),
    exitedAt: perSlot('exited_at'),
    total: slots,
    components: Object.fromEntries(
      REWARD_COMPONENTS.map((c) => {
        const arr = numbers(comps[c], `components.${c}`)
        if (arr.length !== slots.length) throw new Error(`rewards snapshot: components.${c} has ${arr.length} slots, total has ${slots.length}`)
        return [c, arr]
      })
    ) as Record<RewardComponent, number[]>,
    successorGuard: Object.fromEntries(Object.entries(guards).map(([k, v]) => [k, num(v, `successor_guard.${k}`)]))
  }
}

function record(v: JsonValue | undefined, key: string): Record<string, JsonValue> {
  if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v)) throw new Error(`rewards snapshot: ${key} is not an object`)
  return v
}

function num(v: JsonValue | undefined, key: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`rewards snapshot: ${key} is not a finite number`)
  return v
}

function numbers(v: JsonValue | undefined, key: string): number[] {
  if (!Array.isArray(v)) throw new Error(`rewards snapshot: ${key} is not an array`)
  return v.map((x, i) => num(x, `${key}[${i}]`))
}
