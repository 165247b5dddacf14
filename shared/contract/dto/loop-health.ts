/**
 * The telemetry pipe's status and the loop's health, as the stream's `loop.health` carries them
 * and as the console's `health_status` and `telemetry_snapshot` answer them. They live here, in
 * the contract, so a console command's result schema (console-commands/) and the stream
 * (main/telemetry/stream/stream-schema.ts, which re-exports them) are one and the same.
 */
import { z } from 'zod'
import { ERROR_CODES } from '../../error-codes'

const int = z.number().int()
const count = int.min(0)
const ms = z.number().min(0)

/** A telemetry schema version, "MAJOR.MINOR". */
export const SchemaVersionSchema = z.string().max(16).regex(/^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/, 'a schema_version is "MAJOR.MINOR", e.g. "1.0"')

export const TransportKindSchema = z.enum(['stdout', 'file', 'tcp', 'http', 'websocket'])

/**
 * One transport's status: the same shape in the stream (loop.health), the console answers and the
 * app's `telemetry.status` (dto/telemetry.ts). Strings are bounded: an endpoint's error text
 * reaches it as a sanitised snippet, and a target is a path or a URL without secrets.
 */
export const TransportStatusSchema = z.object({
  kind: TransportKindSchema,
  target: z.string().max(4200),
  connected: z.boolean(),
  dropped_messages: count,
  sent_messages: count,
  queued_bytes: count,
  queued_messages: count,
  failures: count,
  reconnects: count,
  last_success_tick: count.nullable(),
  last_failure_tick: count.nullable(),
  last_error: z.string().max(2000).nullable(),
  last_error_code: z.enum(ERROR_CODES).nullable()
})

export const PipeStatusSchema = z.object({
  transports: z.array(TransportStatusSchema),
  connected: z.boolean(),
  dropped_messages: count,
  queued_bytes: count,
  unencodable_messages: count
})

export const LoopHealthPayloadSchema = z.object({
  /** Mean and slowest wall-clock milliseconds per tick since the previous loop.health. */
  tick_duration_ms: z.object({ mean: ms, max: ms }),
  /** Messages waiting in the transports' queues (the fullest transport), and console ops waiting for the next tick. */
  queue_depth: z.object({ transport_messages: count, console_ops: count }),
  transport: PipeStatusSchema,
  /** Messages the stream lost: dropped by a transport, or not encodable at all. */
  dropped: z.object({ transport: count, unencodable: count }),
  perturbations: z.object({ pending: count, active: count }),
  /** Agents waiting in the employment exit queue. */
  exit_queue: count
})
