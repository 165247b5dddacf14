/**
 * The lifecycle system's state: who is starving, the employment exit queue, exits waiting at the
 * town-wide gate, replacements on their way, and the day's counters. Part of the world, so it is
 * hashed and goes into snapshots; plain JSON data only. Agents are named by slot: slots are never
 * reused, so a slot outlives any id clash (a console-spawned agent may take a departed one's id).
 */
import type { ShardConfig } from '../../config/shard-config-schema'

/** Why an agent leaves. */
export type ExitReason = 'faint' | 'eviction'
/** What holds an exit back at the gate ('' while nothing has yet). */
export type GateBlock = '' | 'suppressed' | 'cooldown' | 'daily_cap'

/** An agent over the absence threshold, waiting in the employment exit queue. */
export interface QueueEntry {
  agent: number
  job_id: string
  /** Tick it joined the queue. */
  since: number
  /** An operator approved it (`employment_exit approve`): processed at the end of that tick. */
  approved: boolean
}

/** An exit decided but not yet carried out (the gate may hold it back). */
export interface PendingExit {
  agent: number
  reason: ExitReason
  since: number
  blocked: GateBlock
}

/** A replacement on its way: everything it inherits from the leaver. */
export interface RespawnTicket {
  /** The id the line of replacements is named after (`alice` for `alice#2`). */
  origin: string
  /** The id of the agent that left. */
  left: string
  home: number
  home_tile: number
  /** The leaver's job and workplace (-1 for none). */
  job: number
  workplace: number
  /** Where the leaver stood, for agents without a home. */
  tile: number
  wallet: number
  due: number
}

export interface EmploymentQueueState {
  /** Agent slot → the days (calendar) of its absent shifts inside the window, oldest first. */
  absences: Record<string, number[]>
  queue: QueueEntry[]
  /** Queue entries processed today, whatever the reason. */
  processed_today: number
}

export interface LifecycleState {
  /** The calendar day the day counters belong to. */
  day: number
  /** Agent slot → first tick of its current run at or below the faint threshold. */
  starving: Record<string, number>
  pending: PendingExit[]
  /** Tick of the last exit, or -1. */
  last_exit_tick: number
  exits_today: number
  respawns: RespawnTicket[]
  /** Origin id → the last replacement number used (`alice#3` → 3). */
  respawn_counts: Record<string, number>
  employment: EmploymentQueueState
  /** Run totals: exits by reason, replacements. */
  totals: { faint: number; eviction: number; respawns: number }
}

export function createLifecycleState(_config: ShardConfig): LifecycleState {
  return {
    day: 0,
    starving: {},
    pending: [],
    last_exit_tick: -1,
    exits_today: 0,
    respawns: [],
    respawn_counts: {},
    employment: { absences: {}, queue: [], processed_today: 0 },
    totals: { faint: 0, eviction: 0, respawns: 0 }
  }
}
