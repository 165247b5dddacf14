/** The current KPI values as tiles: value, target and whether it is met. */
import type { Kpis } from '../../../../shared/contract/dto/society'
import { formatCount } from '../../components/format'
import { formatKpi, KPI_SPECS, kpiStatus, targetText } from './kpi-specs'

export function KpiTiles({ kpis }: { kpis: Kpis | null }) {
  return (
    <>
      <div className="kpi-tiles">
        {KPI_SPECS.map((spec) => {
          const value = kpis ? kpis[spec.name] : null
          const status = kpiStatus(spec, value)
          return (
            <div key={spec.name} className={`kpi-tile kpi-${status}`} data-kpi={spec.name} data-status={status} title={spec.help}>
              <span className="readout-label">{spec.label}</span>
              <span className="kpi-value mono num" data-testid={`kpi-${spec.name}`}>
                {formatKpi(spec, value)}
              </span>
              <span className="kpi-target dim" data-testid={`kpi-target-${spec.name}`}>
                {targetText(spec)}
                {status === 'met' ? ' ✓' : status === 'missed' ? ' ✗' : ''}
              </span>
            </div>
          )
        })}
      </div>
      <p className="dim kpi-window" data-testid="kpi-window">
        {kpis ? `window of ${formatCount(kpis.window_ticks)} ticks, ending at tick ${formatCount(kpis.tick)}` : 'No KPI window has been measured yet.'}
      </p>
    </>
  )
}
