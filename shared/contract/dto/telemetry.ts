/**
 * The app's telemetry transports as clients see them (the `telemetry.status` channel, the
 * Telemetry panel, `GET /metrics`): per transport its kind, where it writes (never a secret),
 * whether it can deliver now, and its counters. JSON-safe and versioned; every string bounded,
 * since an endpoint's error text reaches it as a sanitised snippet.
 */
import { z } from 'zod'
import { TransportStatusSchema } from './loop-health'

export const TELEMETRY_STATUS_SCHEMA_VERSION = 1

const count = z.number().int().nonnegative()
const tick = z.number().int().nonnegative().nullable()

export { TransportKindSchema } from './loop-health'
/** The stream's own transport status (dto/loop-health.ts), one shape everywhere. */
export const TransportStatusDtoSchema = TransportStatusSchema
export type TransportStatusDto = z.infer<typeof TransportStatusDtoSchema>

export const TelemetryStatusSchema = z.object({
  schema_version: z.literal(TELEMETRY_STATUS_SCHEMA_VERSION),
  /** Whether the shard streams now (a transport is configured, or an external observer is connected). */
  streaming: z.boolean(),
  transports: z.array(TransportStatusDtoSchema).max(64),
  /** Every transport connected (true with none). */
  connected: z.boolean(),
  /** Messages lost on the way: dropped by a transport, or by the worker while the host lagged. */
  dropped_messages: count,
  /** Of those, dropped by the worker because the host had not taken its last batch. */
  host_lag_dropped: count,
  /** Messages JSON could not encode. */
  unencodable_messages: count,
  /** The last tick a batch of messages reached the host from; null before the first. */
  tick: tick
})
export type TelemetryStatus = z.infer<typeof TelemetryStatusSchema>

/** A host that streams nowhere. */
export function idleTelemetryStatus(): TelemetryStatus {
  return { schema_version: TELEMETRY_STATUS_SCHEMA_VERSION, streaming: false, transports: [], connected: true, dropped_messages: 0, host_lag_dropped: 0, unencodable_messages: 0, tick: null }
}
