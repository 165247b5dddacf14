/**
 * The KPI panel: the current KPIs against the charter's targets and their history, the stability
 * alerts (with the opt-in for notifications of priority ones), the promotion windows and the mean
 * reward by component. From the observer stream's `society`, re-read at most twice a second; the
 * history starts from the host's when this page joined late.
 */
import { useMemo } from 'react'
import { useObserverSampled, useShard } from '../../app/session-context'
import { mergeKpiHistory } from '../../stores/kpi-seed'
import { Card } from '../../components/card'
import { formatSigned } from '../../components/format'
import { SignedBars } from '../../components/signed-bars'
import { ObserverStatus } from '../inspector/observer-status'
import { AlertsCard } from './alerts-card'
import { KpiHistory } from './kpi-history'
import { KpiTiles } from './kpi-tiles'
import { PromotionCard } from './promotion-card'

export function KpiPanel() {
  const society = useObserverSampled((s) => s.society, 500)
  const live = useObserverSampled((s) => s.societyHistory.kpis, 500)
  // A page that joined late starts from the windows the host kept (session.history).
  const seed = useShard((s) => s.kpiSeed)
  const history = useMemo(() => mergeKpiHistory(seed, live), [seed, live])
  if (!society) {
    return (
      <div className="panel-grid">
        <Card title="KPIs" testId="kpi-panel">
          <ObserverStatus />
        </Card>
      </div>
    )
  }
  return (
    <div className="panel-grid" data-testid="kpi-panel">
      <Card title="KPIs" testId="kpi-current" className="span-3">
        <KpiTiles kpis={society.kpis} />
      </Card>
      <AlertsCard alerts={society.alerts} />
      <PromotionCard promotion={society.promotion} />
      <Card title="KPI history" testId="kpi-history-card" className="span-2">
        <KpiHistory points={history} />
      </Card>
      <Card
        title="Mean reward"
        testId="kpi-rewards"
        actions={
          <span className="mono num" data-testid="reward-mean-total" title="Mean reward per agent this tick">
            {formatSigned(society.rewards.mean_total, 3)}
          </span>
        }
      >
        <SignedBars values={society.rewards.components} testId="reward-mean-component" empty="No reward components (rewards are off)." />
      </Card>
    </div>
  )
}
