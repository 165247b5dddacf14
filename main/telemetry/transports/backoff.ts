/**
 * Exponential backoff with jitter for reconnects and retries: attempt n waits between half and all
 * of min(max, base·2ⁿ⁻¹), so many shards that lost one collector do not reconnect in lockstep,
 * and no wait is ever zero.
 */
import type { TransportRetryConfig } from '../../config/sections/telemetry'

export function backoffMs(attempt: number, retry: Pick<TransportRetryConfig, 'base_ms' | 'max_ms'>, random: () => number = Math.random): number {
  const exp = Math.min(retry.max_ms, retry.base_ms * 2 ** Math.min(Math.max(attempt - 1, 0), 30))
  return Math.max(1, Math.round(exp / 2 + (exp / 2) * random()))
}
