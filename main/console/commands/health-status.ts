/**
 * `health_status`: the shard's latest loop health, shaped like the stream's `loop.health`
 * (stream-schema.ts), whether or not a telemetry stream is attached: the last 60 ticks'
 * wall-clock cost (mean and slowest), console operations waiting, the transport status (null
 * without a pipe) and its drops, perturbations pending and active, and the exit queue.
 */
import type { z } from 'zod'
import type { JsonValue } from '../../sim/state/world'
import { STREAM_SCHEMA_VERSION } from '../../telemetry/stream/stream-schema'
import { now, type CommandRun } from '../command'
import { healthBlock } from './telemetry-blocks'
import type { HealthStatusSchema } from '../../../shared/contract/console-commands/telemetry-results'

export const healthStatusRun: CommandRun<'health_status'> = (ctx) => {
  const value: z.infer<typeof HealthStatusSchema> = { schema_version: STREAM_SCHEMA_VERSION, tick: ctx.world.state.tick, ...healthBlock(ctx) }
  // Plain numbers, strings and objects (HealthStatusSchema types them).
  return now(value as unknown as JsonValue)
}
