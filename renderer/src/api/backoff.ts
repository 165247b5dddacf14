/** Reconnect delays: quick first retries (a server restart), then capped so a dead host costs little. */
export interface BackoffOptions {
  initialMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 5_000 }

/** Delay before reconnect attempt `attempt` (0-based): doubling from `initialMs`, capped at `maxMs`. */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(attempt, 0), 20)
  return Math.min(options.initialMs * 2 ** exponent, options.maxMs)
}
