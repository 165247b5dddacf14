import { z } from 'zod'
import { ConfigSummarySchema } from './config-summary'
import { LastSnapshotSchema } from './snapshots'

export const ShardStateSchema = z.enum(['idle', 'running', 'paused', 'failed'])
export type ShardState = z.infer<typeof ShardStateSchema>

/** Target speed: ticks per second, or `max` for as fast as the engine goes. */
export const SpeedSchema = z.union([z.number().positive().max(10_000), z.literal('max')])
export type Speed = z.infer<typeof SpeedSchema>

/**
 * Every tick since the simulation started, by wall-clock duration (the engine tick and its
 * listeners): cumulative counts per upper bound, as `GET /metrics` reports its histogram.
 */
export const TickHistogramSchema = z
  .object({
    bounds_ms: z.array(z.number().positive()).max(32),
    /** `cumulative[i]`: ticks that took at most `bounds_ms[i]`; one more entry at the end, every tick (+Inf). */
    cumulative: z.array(z.number().int().nonnegative()).max(33),
    count: z.number().int().nonnegative(),
    sum_ms: z.number().nonnegative()
  })
  .refine((h) => h.cumulative.length === h.bounds_ms.length + 1, 'a tick histogram has one cumulative count per bound, and one for +Inf')
export type TickHistogram = z.infer<typeof TickHistogramSchema>

/** A point-in-time picture of the shard clock; also the body of every `shard.frame`. */
export const ShardStatusSchema = z.object({
  state: ShardStateSchema,
  tick: z.number().int().nonnegative(),
  speed: SpeedSchema,
  /** Ticks per second actually achieved over the last second of running (0 when not running). */
  measured_tps: z.number().nonnegative(),
  config: ConfigSummarySchema,
  /** How many times the worker was restarted after a crash in this session. */
  restarts: z.number().int().nonnegative(),
  /** A step under way: ticks done of the total asked for; null when none is. */
  stepping: z.object({ done: z.number().int().nonnegative(), total: z.number().int().positive() }).nullable().default(null),
  /** The latest snapshot the shard saved, autosaved, migrated or loaded: its name, tick and identity (RNG fingerprints included). */
  last_snapshot: LastSnapshotSchema.nullable().default(null),
  /** Tick durations since the simulation started; null from a shard that does not time its ticks. */
  tick_histogram: TickHistogramSchema.nullable().default(null)
})
export type ShardStatus = z.infer<typeof ShardStatusSchema>

/** The reply to `shard.step`: the status after it, and how far it got (a pause cuts it short). */
export const StepStatusSchema = ShardStatusSchema.extend({
  stepped: z.object({ requested: z.number().int().positive(), done: z.number().int().nonnegative() })
})
export type StepStatus = z.infer<typeof StepStatusSchema>
