/**
 * The shard config schema. For now: identity, seed and the runtime cadence; the engine issues
 * extend it with world sections. Every object is strict so a misspelt key is an error, not a
 * silently ignored setting.
 */
import { z } from 'zod'

export const DEFAULT_TICK_MS = 250

export const RuntimeSchema = z
  .object({
    /** Milliseconds per tick at the default real-time speed. */
    tick_ms: z.number().int().min(1).max(60_000).default(DEFAULT_TICK_MS)
  })
  .strict()

export const ShardConfigSchema = z
  .object({
    config_id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'use lowercase letters, digits, "_", "." and "-", starting with a letter or digit'),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    runtime: RuntimeSchema.default({ tick_ms: DEFAULT_TICK_MS })
  })
  .strict()

export type ShardConfig = z.infer<typeof ShardConfigSchema>
