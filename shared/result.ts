/**
 * Result envelopes: the only shape a reply takes when it crosses a process or socket boundary.
 * Handlers never throw across processes; they answer `ok: false` with a stable error code.
 */
import type { ErrorCode } from './error-codes'

export interface AppError {
  code: ErrorCode
  message: string
  /** JSON-safe extra detail, e.g. the list of config issues with YAML paths and lines. */
  details?: unknown
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function err<T = never>(code: ErrorCode, message: string, details?: unknown): Result<T> {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } }
}
