/**
 * The Telemetry panel: where the shard's telemetry stream goes (the config's telemetry.transport
 * and the external observers' WebSocket), one row per transport with a green or red dot, what it
 * sent and dropped, and its last error. Read-only; it follows the host's status events.
 */
import { useTelemetry } from '../../app/session-context'
import { Card } from '../../components/card'
import { formatCount } from '../../components/format'
import { transportRows } from './transport-rows'

export function TelemetryPanel() {
  const status = useTelemetry((s) => s.status)
  const rows = transportRows(status?.transports ?? [])
  return (
    <div className="panel-grid" data-testid="telemetry-panel" data-streaming={status?.streaming ? 'yes' : 'no'}>
      <Card title="Transports" testId="telemetry-transports" className="span-3">
        {status === null ? <p className="dim">Asking the host…</p> : null}
        {status !== null && rows.length === 0 ? (
          <p className="dim" data-testid="telemetry-none">
            The shard streams nowhere. Add a <span className="mono">telemetry.transport</span> block to the config (docs/telemetry.md), or connect an observer to <span className="mono">/api/telemetry</span>.
          </p>
        ) : null}
        {rows.length > 0 ? (
          <table className="data-table" data-testid="telemetry-table">
            <thead>
              <tr>
                <th>transport</th>
                <th>target</th>
                <th className="right">sent</th>
                <th className="right">dropped</th>
                <th className="right">failures</th>
                <th className="right">last ok</th>
                <th className="right">last failure</th>
                <th>last error</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-testid="telemetry-row" data-kind={row.kind} data-health={row.health}>
                  <td>
                    <span className={`transport-dot transport-${row.health}`} data-testid="telemetry-dot" title={row.health === 'ok' ? 'delivering' : 'not delivering: messages are queued or dropped'} />{' '}
                    {row.kind}
                  </td>
                  <td className="mono">{row.target}</td>
                  <td className="num right" data-testid="telemetry-sent">
                    {formatCount(row.sent)}
                  </td>
                  <td className="num right" data-testid="telemetry-dropped">
                    {formatCount(row.dropped)}
                  </td>
                  <td className="num right" data-testid="telemetry-failures">
                    {formatCount(row.failures)}
                  </td>
                  <td className="num right">{row.lastSuccessTick === null ? '—' : formatCount(row.lastSuccessTick)}</td>
                  <td className="num right">{row.lastFailureTick === null ? '—' : formatCount(row.lastFailureTick)}</td>
                  <td className="warn-text" data-testid="telemetry-error">
                    {row.error ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {status && status.host_lag_dropped > 0 ? (
          <p className="warn-text" data-testid="telemetry-host-lag">
            {formatCount(status.host_lag_dropped)} messages were dropped in the shard worker because the host fell behind.
          </p>
        ) : null}
      </Card>
    </div>
  )
}
