import { z } from 'zod'
import { ConfigSummarySchema } from './config-summary'
import { LastSnapshotSchema } from './snapshots'

export const ShardStateSchema = z.enum(['idle', 'running', 'paused', 'failed'])
export type ShardState = z.infer<typeof ShardStateSchema>

/** Target speed: ticks per second, or `max` for as fast as the engine goes. */
export const SpeedSchema = z.union([z.number().positive().max(10_000), z.literal('max')])
export type Speed = z.infer<typeof SpeedSchema>

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
  last_snapshot: LastSnapshotSchema.nullable().default(null)
})
export type ShardStatus = z.infer<typeof ShardStatusSchema>

/** The reply to `shard.step`: the status after it, and how far it got (a pause cuts it short). */
export const StepStatusSchema = ShardStatusSchema.extend({
  stepped: z.object({ requested: z.number().int().positive(), done: z.number().int().nonnegative() })
})
export type StepStatus = z.infer<typeof StepStatusSchema>
