/** The town's three mean needs as horizontal bars, each with its percentage. */
import type { WorldSummary } from '../../../../shared/contract/dto/world-summary'
import { formatPercent } from '../../components/format'
import { NEEDS } from '../../stores/needs-history'
import { needLevel } from './need-level'

/** `live` is false when there are no agents: the summary then reports 0, which is not a need. */
export function NeedBars({ needs, live }: { needs: WorldSummary['needs']; live: boolean }) {
  return (
    <div className="need-bars">
      {NEEDS.map((need) => {
        const mean = needs[need]
        const percent = Math.round(Math.min(1, Math.max(0, mean)) * 100)
        return (
          <div key={need} className={`need-row need-${need}${live ? ` level-${needLevel(mean)}` : ' level-none'}`}>
            <span className="need-label">{need}</span>
            <div
              className="need-track"
              role="meter"
              aria-label={`mean ${need}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={live ? percent : undefined}
            >
              <div className="need-fill" style={{ width: live ? `${percent}%` : 0 }} />
            </div>
            <span className="need-value mono num" data-testid={`need-${need}`}>
              {live ? formatPercent(mean) : '—'}
            </span>
          </div>
        )
      })}
    </div>
  )
}
