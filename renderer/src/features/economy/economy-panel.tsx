/**
 * The Economy & jobs panel: prices, utilities, queues, stock, their history as charts, the jobs
 * table and the employment exit review, from the observer stream.
 */
import { useCallback } from 'react'
import { useObserverSampled } from '../../app/session-context'
import { Card } from '../../components/card'
import { formatSimAxis, useSimClock } from '../../components/sim-time'
import { DisabledReason } from '../operator/disabled-reason'
import { useOperator } from '../operator/use-operator'
import { ObserverStatus } from '../inspector/observer-status'
import { EconomyCharts } from './economy-charts'
import { PriceFacts, QueueFacts, StockTable } from './economy-facts'
import { EmploymentReview } from './employment-review'
import { JobsTable } from './jobs-table'
import { UtilitiesControl } from './utilities-control'

/** Re-reads the economy at most twice a second. */
export function EconomyPanel() {
  const economy = useObserverSampled((s) => s.economy, 500)
  const employment = useObserverSampled((s) => s.society?.employment ?? null, 500)
  const history = useObserverSampled((s) => s.economyHistory.points, 500)
  const gate = useOperator().gate
  const clock = useSimClock()
  // Stable per day length, so the memoised charts redraw only when their points change.
  const formatTick = useCallback((tick: number) => formatSimAxis(clock, tick), [clock])
  if (!economy) {
    return (
      <div className="panel-grid">
        <Card title="Economy" testId="economy-panel">
          <ObserverStatus />
        </Card>
      </div>
    )
  }
  return (
    <div className="panel-grid" data-testid="economy-panel">
      <Card title="Prices" testId="economy-prices">
        <PriceFacts economy={economy} />
      </Card>
      <Card title="Utilities" testId="economy-utilities">
        <UtilitiesControl utilities={economy.utilities} />
        <DisabledReason gate={gate} />
      </Card>
      <Card title="Queues" testId="economy-queues">
        <QueueFacts economy={economy} />
      </Card>
      <Card title="Stock by type" testId="economy-stock">
        <StockTable stock={economy.stock_by_type} />
      </Card>
      <Card title="Over time" testId="economy-over-time" className="span-3">
        <EconomyCharts points={history} formatTick={formatTick} />
      </Card>
      <Card title="Jobs" testId="economy-jobs" className="span-3">
        <JobsTable jobs={economy.jobs} />
      </Card>
      {employment ? <EmploymentReview view={employment} /> : null}
    </div>
  )
}
