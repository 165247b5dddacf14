/**
 * The Conflict panel: queue conflicts and fairness over time, the rivalry leaderboard (built by
 * the host from the same changes as the feed beside it), the latest rivalry changes and
 * contention per object, from the observer stream's `society.conflict` (re-read at
 * most twice a second). Clicking an agent opens the inspector beside the panel.
 */
import { useObserverSampled } from '../../app/session-context'
import { Card } from '../../components/card'
import { formatCount } from '../../components/format'
import { ObserverLayout } from '../inspector/observer-layout'
import { ObserverStatus } from '../inspector/observer-status'
import { ContentionTable, RivalryEvents, RivalryLeaderboard } from './conflict-tables'
import { FairnessChart, fairnessTotals } from './fairness-chart'

export function ConflictPanel() {
  const conflict = useObserverSampled((s) => s.society?.conflict ?? null, 500)
  const fairness = useObserverSampled((s) => s.societyHistory.fairness, 500)
  if (!conflict) {
    return (
      <div className="panel-grid">
        <Card title="Conflict" testId="conflict-panel">
          <ObserverStatus />
        </Card>
      </div>
    )
  }
  const totals = fairnessTotals(fairness)
  return (
    <ObserverLayout>
      <div className="panel-grid" data-testid="conflict-panel">
        <Card
          title="Queue conflicts and fairness per frame"
          testId="conflict-fairness"
          className="span-3"
          actions={
            <span className="mono dim" data-testid="fairness-totals" title="Sums over the charted frames">
              conflicts {formatCount(totals.conflicts)} · ghost {formatCount(totals.ghost_steps)} · rotations {formatCount(totals.rotations)} · cooldowns{' '}
              {formatCount(totals.cooldowns)}
            </span>
          }
        >
          <FairnessChart points={fairness} />
        </Card>
        <Card title="Rivalry leaderboard" testId="conflict-rivalries">
          <RivalryLeaderboard rows={conflict.rivalry_leaderboard} />
        </Card>
        <Card title="Rivalry changes" testId="conflict-rivalry-events">
          <RivalryEvents events={conflict.rivalry_events} />
        </Card>
        <Card title="Contention by object" testId="conflict-contention">
          <ContentionTable rows={conflict.contention} />
        </Card>
      </div>
    </ObserverLayout>
  )
}
