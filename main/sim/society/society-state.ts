/**
 * The society system's state: personalities, bounded tie ledgers, chat cooldowns and the
 * conflict bookkeeping the console and observer read. Part of the world, so it is hashed and goes
 * into snapshots; plain data only (number arrays, no typed arrays or maps), so it round-trips
 * through JSON as it is.
 *
 * Per-agent arrays are indexed by agent slot and cover `agents` slots; the agent store can grow
 * (console `spawn`), so the system extends them at the start of every tick (see sync-agents.ts).
 */
import type { ShardConfig } from '../../config/shard-config-schema'

/** Fields per tie in a ledger: [other slot, trust, familiarity, rivalry]. */
export const TIE_STRIDE = 4
export const TIE_OTHER = 0
export const TIE_TRUST = 1
export const TIE_FAMILIARITY = 2
export const TIE_RIVALRY = 3

/** How many rivalry changes the state remembers for the console and the conflict panel. */
export const RECENT_RIVALRY_LIMIT = 32

export interface RivalryRecord {
  tick: number
  agent_id: string
  other: string
  value: number
  delta: number
  reason: string
}

export interface SocietyCounters {
  rivalry_events: number
  chat_success: number
  chat_failure: number
  avoidances: number
  ties_removed: number
  queue_conflicts: number
}

export interface SocietyState {
  /** Agent slots the per-agent arrays cover. */
  agents: number
  /** Per agent: index into PROFILE_NAMES, and the traits in [−1, 1]. */
  profile: number[]
  extroversion: number[]
  forgiveness: number[]
  ambition: number[]
  /** Per agent: the first tick it may chat again. */
  chatReadyAt: number[]
  /**
   * Per agent: its ties, flat [other, trust, familiarity, rivalry, other, …] (TIE_STRIDE each),
   * at most `society.ties.max_per_agent` of them. Flat small arrays keep a tick allocation-free.
   */
  ties: number[][]
  /** Ties over all ledgers: a town without any skips the decay pass. */
  tieCount: number
  /** Per object index: queue conflicts seen there. */
  contention: number[]
  counters: SocietyCounters
  /** The latest rivalry changes, newest last, at most RECENT_RIVALRY_LIMIT. */
  recent: RivalryRecord[]
}

export function createSocietyState(_config: ShardConfig): SocietyState {
  return {
    agents: 0,
    profile: [],
    extroversion: [],
    forgiveness: [],
    ambition: [],
    chatReadyAt: [],
    ties: [],
    tieCount: 0,
    contention: [],
    counters: { rivalry_events: 0, chat_success: 0, chat_failure: 0, avoidances: 0, ties_removed: 0, queue_conflicts: 0 },
    recent: []
  }
}
