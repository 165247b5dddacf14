/**
 * What a client that joins late (first open, a reload, a reconnection) needs to draw the same
 * panels as one that was there all along: the latest frame (a paused shard sends no new one) and
 * the host's recent history of what the Overview and KPI panels chart — log lines, measured
 * ticks/s, the town's mean needs and the KPI windows. Every list is bounded and oldest first.
 */
import { z } from 'zod'
import { LogEntrySchema } from './events'
import { FrameSchema } from './frame'
import { KpisSchema } from './society'

/** Version of the history DTO; bump when its shape changes. */
export const SESSION_HISTORY_SCHEMA_VERSION = 1

/** Caps on each list, so one reply stays small whatever the host has seen. */
export const HISTORY_LIMITS = { log: 200, tps: 240, needs: 240, kpis: 500 } as const

const int = z.number().int().nonnegative()
const unit = z.number().min(0).max(1)

/** The measured tick rate at one moment of the host's clock. */
export const TpsSampleSchema = z.object({
  /** Milliseconds since the epoch, host clock. */
  at: z.number(),
  tick: int,
  tps: z.number().nonnegative()
})
export type TpsSample = z.infer<typeof TpsSampleSchema>

/** The town's mean needs at one tick, with the simulated time and the config it ran. */
export const NeedsSampleSchema = z.object({
  at: z.number(),
  tick: int,
  day: int,
  clock: z.string().regex(/^\d\d:\d\d$/),
  /** sha256 of the config the world ran. */
  config: z.string(),
  hunger: unit,
  hygiene: unit,
  energy: unit
})
export type NeedsSample = z.infer<typeof NeedsSampleSchema>

export const SessionHistorySchema = z.object({
  schema_version: z.literal(SESSION_HISTORY_SCHEMA_VERSION),
  /** The host's clock when it answered: a client maps `at` times onto its own clock with it. */
  now: z.number(),
  /** The latest frame the host sent (null before the shard's first). */
  frame: FrameSchema.nullable(),
  log: z.array(LogEntrySchema).max(HISTORY_LIMITS.log),
  tps: z.array(TpsSampleSchema).max(HISTORY_LIMITS.tps),
  /** Only frames of the current world that had agents in them. */
  needs: z.array(NeedsSampleSchema).max(HISTORY_LIMITS.needs),
  /** One per KPI window of the current world, by the tick it ended. */
  kpis: z.array(KpisSchema).max(HISTORY_LIMITS.kpis)
})
export type SessionHistory = z.infer<typeof SessionHistorySchema>
