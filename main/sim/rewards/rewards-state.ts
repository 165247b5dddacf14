/**
 * The rewards system's state. Part of the world, so it is hashed and goes into snapshots; plain
 * data only: per-agent-slot number arrays (slots are never reused, see agent-store.ts) plus a
 * small map for respawns. Its JSON form and reader are in rewards-json.ts.
 */
import type { ShardConfig } from '../../config/shard-config-schema'
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
