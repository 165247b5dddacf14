/** The stability monitor's alerts: severity, name, message, tick, and whether it is a priority alert. */
import type { Alert } from '../../../../shared/contract/dto/society'
import { Card } from '../../components/card'
import { NotifyToggle } from './notify-toggle'

/** Critical first, then newest. */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  const rank = (a: Alert) => (a.severity === 'critical' ? 0 : 1)
  return [...alerts].sort((a, b) => rank(a) - rank(b) || b.tick - a.tick || a.name.localeCompare(b.name))
}

export function AlertsCard({ alerts }: { alerts: readonly Alert[] }) {
  return (
    <Card title="Stability alerts" testId="kpi-alerts" className="span-2" actions={<NotifyToggle />}>
      {alerts.length === 0 ? (
        <p className="dim" data-testid="alerts-empty">
          No alerts: the town is stable.
        </p>
      ) : (
        <table className="data-table" data-testid="alerts-table">
          <thead>
            <tr>
              <th>severity</th>
              <th>alert</th>
              <th>message</th>
              <th className="right">tick</th>
            </tr>
          </thead>
          <tbody>
            {sortAlerts(alerts).map((alert) => (
              <tr key={`${alert.name}@${alert.tick}`} data-testid="alert-row" data-name={alert.name} data-severity={alert.severity} data-priority={String(alert.priority)}>
                <td>
                  <span className={`severity severity-${alert.severity}`}>{alert.severity}</span>
                </td>
                <td className="mono">
                  {alert.priority ? (
                    <span className="priority-mark" title="priority alert" aria-label="priority">
                      !
                    </span>
                  ) : null}
                  {alert.name}
                </td>
                <td>{alert.message}</td>
                <td className="mono num right">{alert.tick}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}
