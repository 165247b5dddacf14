/** How many agents carry out each option right now, as a compact row of chips. */
import { AGENT_OPTIONS } from '../../../../shared/contract/dto/world-summary'
import type { WorldSummary } from '../../../../shared/contract/dto/world-summary'
import { formatCount } from '../../components/format'

export function ActivityChips({ activity }: { activity: WorldSummary['activity'] }) {
  return (
    <ul className="chips" aria-label="activity">
      {AGENT_OPTIONS.map((option) => (
        <li
          key={option}
          className={`chip${activity[option] === 0 ? ' chip-zero' : ''}`}
          data-testid={`activity-${option}`}
          title={`agents carrying out ${option}`}
        >
          <span className="chip-label">{option}</span>{' '}
          <span className="mono num">{formatCount(activity[option])}</span>
        </li>
      ))}
    </ul>
  )
}
