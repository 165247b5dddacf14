/**
 * The stability monitor's alerts: severity, name, message, tick, and whether it is a priority
 * alert; a `need_depleted` alert lists each agent (a link that selects it) with the empty need
 * and since when.
 */
import type { Alert, DepletedNeed } from '../../../../shared/contract/dto/society'
import type { SimClock } from '../../../../shared/sim-clock'
import { Card } from '../../components/card'
import { formatSimTime, useSimClock } from '../../components/sim-time'
import { AgentLink } from '../inspector/agent-link'
import { NotifyToggle } from './notify-toggle'
import { formatCount } from '../../components/format'

/** Critical first, then newest. */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  const rank = (a: Alert) => (a.severity === 'critical' ? 0 : 1)
  return [...alerts].sort((a, b) => rank(a) - rank(b) || b.tick - a.tick || a.name.localeCompare(b.name))
}

/** Who has which need at 0, and since when. */
function DepletedList({ depleted, clock }: { depleted: readonly DepletedNeed[]; clock: SimClock | null }) {
  return (
    <ul className="depleted-needs" data-testid="alert-depleted">
      {depleted.map((d) => (
        <li key={`${d.agent_id}|${d.need}`} data-testid="depleted-need" data-agent-id={d.agent_id} data-need={d.need}>
          <AgentLink id={d.agent_id} /> <span className={`need-name need-${d.need}`}>{d.need}</span>{' '}
          <span className="dim">
            at 0 since {formatSimTime(clock, d.since_tick)} (tick {formatCount(d.since_tick)})
          </span>
        </li>
      ))}
    </ul>
  )
}

export function AlertsCard({ alerts }: { alerts: readonly Alert[] }) {
  const clock = useSimClock()
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
                <td>
                  {alert.message}
                  {alert.depleted && alert.depleted.length > 0 ? <DepletedList depleted={alert.depleted} clock={clock} /> : null}
                </td>
                <td className="mono num right">{alert.tick}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}
