/**
 * What the Telemetry panel shows of each transport: a state the dot's colour follows, and the
 * counters in words. Pure, so it is tested without a DOM.
 */
import type { TransportStatusDto } from '../../../../shared/contract/dto/telemetry'

export type TransportHealth = 'ok' | 'down'

export interface TransportRow {
  key: string
  kind: TransportStatusDto['kind']
  target: string
  health: TransportHealth
  sent: number
  dropped: number
  failures: number
  lastSuccessTick: number | null
  lastFailureTick: number | null
  /** The last error, with its code, while it is the newest news (a success since clears it from view). */
  error: string | null
}

export function transportRows(transports: readonly TransportStatusDto[]): TransportRow[] {
  return transports.map((t, i) => {
    const failedLast = t.last_failure_tick !== null && (t.last_success_tick === null || t.last_failure_tick >= t.last_success_tick)
    const error = t.last_error === null ? null : `${t.last_error_code ? `${t.last_error_code}: ` : ''}${t.last_error}`
    return {
      key: `${i}:${t.kind}:${t.target}`,
      kind: t.kind,
      target: t.target,
      health: t.connected ? 'ok' : 'down',
      sent: t.sent_messages,
      dropped: t.dropped_messages,
      failures: t.failures,
      lastSuccessTick: t.last_success_tick,
      lastFailureTick: t.last_failure_tick,
      error: !t.connected || failedLast ? error : null
    }
  })
}
