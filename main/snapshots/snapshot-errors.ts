/**
 * The snapshot error codes, in one place: each way a snapshot file can be unusable has its own
 * stable code (clients switch on them; see docs/snapshots.md), and every message names the
 * field, the versions or the migration involved and says what to do. Foreign text (a version
 * string, a config_id, a path inside the file) only ever appears through `quote`, cut short and
 * escaped.
 */
import { ERROR_CODES, type ErrorCode } from '../../shared/error-codes'
import { err, type Result } from '../../shared/result'
import { printable } from '../config/bounded-text'

/** The `snapshot.*` codes of the shared table (shared/error-codes.ts says what each means). */
export type SnapshotErrorCode = Extract<ErrorCode, `snapshot.${string}`>
export const SNAPSHOT_ERROR_CODES = ERROR_CODES.filter((c): c is SnapshotErrorCode => c.startsWith('snapshot.'))

/** Codes that mean "this file cannot be used" (CLI exit 2), as opposed to a runtime failure. */
export function isSnapshotCode(code: string): code is SnapshotErrorCode {
  return (SNAPSHOT_ERROR_CODES as readonly string[]).includes(code)
}

export function snapshotErr<T = never>(code: SnapshotErrorCode, message: string, details?: unknown): Result<T> {
  return err(code, message, details)
}

/** A value from a snapshot file as a message may show it: a JSON string of at most `max` characters, escaped. */
export function quote(value: unknown, max = 64): string {
  if (typeof value === 'string') return JSON.stringify(printable(value, max))
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value)
  if (Array.isArray(value)) return `a list of ${value.length}`
  return typeof value === 'object' ? 'an object' : typeof value
}

/** `state.world.agents.ids[3]`-style path labels for zod issue paths, each segment bounded. */
export function pathOf(path: readonly PropertyKey[]): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`
    else out += `${out === '' ? '' : '.'}${printable(String(seg), 64)}`
  }
  return out || '(document)'
}
