import type { ErrorCode } from '../../shared/error-codes'

/**
 * Thrown inside the host when a handler wants to answer with a specific error code.
 * The registry turns it into a Result envelope; it never crosses a process boundary.
 */
export class HostError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'HostError'
  }
}
