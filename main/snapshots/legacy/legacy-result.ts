/**
 * The legacy importer's Result: the shared envelope's shape, with the stable `snapshot.*` codes
 * the snapshot loader answers with (docs/legacy-import.md). Kept local so the importer does not
 * depend on when those codes join shared/error-codes.ts; a caller adapts it with a spread.
 */

export type LegacyErrorCode =
  /** Not a 1.x document (a 2.x snapshot, or another kind of JSON). */
  | 'snapshot.schema_mismatch'
  /** A 1.x document with missing, mistyped or out-of-range fields. */
  | 'snapshot.invalid'
  /** A sound document the target town cannot take. */
  | 'snapshot.migration_failed'

export interface LegacyIssue {
  path: string
  message: string
}

export interface LegacyError {
  code: LegacyErrorCode
  message: string
  details?: { issues: LegacyIssue[] }
}

export type LegacyResult<T> = { ok: true; value: T } | { ok: false; error: LegacyError }

export function legacyOk<T>(value: T): LegacyResult<T> {
  return { ok: true, value }
}

export function legacyErr<T = never>(code: LegacyErrorCode, message: string, issues?: LegacyIssue[]): LegacyResult<T> {
  return issues === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details: { issues } } }
}
