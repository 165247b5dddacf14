import { ConfigCard } from './config-card'
import { ConfigPicker } from './config-picker'
import { DiagnosticsCard } from './diagnostics-card'
import { LogCard } from './log-card'
import { TpsChart } from './tps-chart'
import { WorldCard } from './world-card'

/** The landing panel: how fast the shard runs, what it runs, and how to change that. */
export function OverviewPanel() {
  return (
    <div className="panel-grid">
      <TpsChart />
      <ConfigCard />
      <ConfigPicker />
      <WorldCard />
      <DiagnosticsCard />
      <LogCard />
    </div>
  )
}
