/**
 * The lifecycle system's state: who is starving, the employment exit queue, exits waiting at the
 * town-wide gate, replacements on their way, and the day's counters. Part of the world, so it is
 * hashed and goes into snapshots; plain JSON data only. Agents are named by slot: slots are never
 * reused, so a slot outlives any id clash (a console-spawned agent may take a departed one's id).
 */
import { z } from 'zod'
import type { ShardConfig } from '../../config/shard-config-schema'
import type { JsonValue } from '../state/world'

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

/** The state as canonical-JSON-ready data, for hashing and snapshots (a deep copy: the state keeps changing). */
export function lifecycleSnapshot(state: LifecycleState): JsonValue {
  return structuredClone(state) as unknown as JsonValue
}

const int = z.number().int()
const LifecycleSnapshotSchema = z
  .object({
    day: int,
    starving: z.record(z.string(), int),
    pending: z.array(z.object({ agent: int, reason: z.enum(['faint', 'eviction']), since: int, blocked: z.enum(['', 'suppressed', 'cooldown', 'daily_cap']) }).strict()),
    last_exit_tick: int,
    exits_today: int,
    respawns: z.array(
      z.object({ origin: z.string(), left: z.string(), home: int, home_tile: int, job: int, workplace: int, tile: int, wallet: z.number(), due: int }).strict()
    ),
    respawn_counts: z.record(z.string(), int),
    employment: z
      .object({
        absences: z.record(z.string(), z.array(int)),
        queue: z.array(z.object({ agent: int, job_id: z.string(), since: int, approved: z.boolean() }).strict()),
        processed_today: int
      })
      .strict(),
    totals: z.object({ faint: int, eviction: int, respawns: int }).strict()
  })
  .strict()

/** The inverse of `lifecycleSnapshot`, for snapshot loading: the state, or why the data is not one. */
export function restoreLifecycleState(data: unknown): { ok: true; state: LifecycleState } | { ok: false; message: string } {
  const parsed = LifecycleSnapshotSchema.safeParse(data)
  if (!parsed.success) return { ok: false, message: `lifecycle state: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}` }
  return { ok: true, state: parsed.data }
}
