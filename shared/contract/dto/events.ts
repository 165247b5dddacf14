import { z } from 'zod'
import { SnapshotNameSchema } from './snapshots'

/** Emitted when the shard worker dies or the loop throws; the UI offers a restart. */
export const LoopFailureSchema = z.object({
  reason: z.string(),
  /** Tick the shard had reached when it failed, if known. */
  tick: z.number().int().nonnegative().nullable(),
  /** Worker exit code when the thread exited, null for an uncaught error. */
  exit_code: z.number().int().nullable(),
  /** The newest autosave of this session (in the storage root), offered for `shard.restart {snapshot}`; null when none. */
  autosave: SnapshotNameSchema.nullable().default(null),
  stack: z.string().optional()
})
export type LoopFailure = z.infer<typeof LoopFailureSchema>

export const LogLevelSchema = z.enum(['debug', 'info', 'warn', 'error'])
export type LogLevel = z.infer<typeof LogLevelSchema>

/** A log line from the host or the shard worker, forwarded to every client. */
export const LogEntrySchema = z.object({
  level: LogLevelSchema,
  source: z.enum(['host', 'shard']),
  message: z.string(),
  /** Milliseconds since the epoch, stamped by the host (the engine has no clock). */
  at: z.number()
})
export type LogEntry = z.infer<typeof LogEntrySchema>
