import { describe, expect, it } from 'vitest'
import type { TransportStatusDto } from '../../../../shared/contract/dto/telemetry'
import { transportRows } from './transport-rows'

const base: TransportStatusDto = {
  kind: 'tcp',
  target: 'tcp://127.0.0.1:9000',
  connected: true,
  dropped_messages: 0,
  sent_messages: 10,
  queued_bytes: 0,
  queued_messages: 0,
  failures: 0,
  reconnects: 0,
  last_success_tick: 5,
  last_failure_tick: null,
  last_error: null,
  last_error_code: null
}

describe('transportRows', () => {
  it('shows a transport that cannot deliver as down, with its last error and code', () => {
    const [row] = transportRows([{ ...base, connected: false, failures: 2, dropped_messages: 7, last_failure_tick: 9, last_error: 'connection refused', last_error_code: 'telemetry.unreachable' }])
    expect(row).toMatchObject({ health: 'down', dropped: 7, failures: 2, error: 'telemetry.unreachable: connection refused' })
  })

  it('hides an old error once the transport delivered again', () => {
    const [row] = transportRows([{ ...base, last_failure_tick: 3, last_success_tick: 8, last_error: 'connection refused', failures: 1 }])
    expect(row).toMatchObject({ health: 'ok', error: null, failures: 1 })
  })

  it('keeps two transports to one target apart', () => {
    const rows = transportRows([base, base])
    expect(new Set(rows.map((r) => r.key)).size).toBe(2)
  })
})
