/**
 * One narration line: when it happened (day and time, and the tick), a priority mark, the
 * category chip and the text, in which every agent the line names is a link that selects it.
 */
import type { Narration } from '../../../../shared/contract/dto/society'
import type { SimClock } from '../../../../shared/sim-clock'
import { formatSimTime } from '../../components/sim-time'
import { AgentLink } from '../inspector/agent-link'
import { narrationSegments } from './narration-segments'
import { formatCount } from '../../components/format'

export function NarrationLine({ line, clock }: { line: Narration; clock: SimClock | null }) {
  return (
    <li className={`narration-line${line.priority ? ' priority' : ''}`} data-testid="narration-line" data-category={line.category} data-priority={String(line.priority)}>
      <div className="narration-body">
        <span className="narration-when mono">
          {clock ? (
            <span className="narration-clock" data-testid="narration-time">
              {formatSimTime(clock, line.tick)}
            </span>
          ) : null}
          <span className="dim narration-tick" data-testid="narration-tick" title="tick">
            {formatCount(line.tick)}
          </span>
        </span>
        {line.priority ? (
          <span className="priority-mark" title="priority" aria-label="priority">
            !
          </span>
        ) : (
          <span className="priority-mark none" aria-hidden="true" />
        )}
        <span className={`chip category-chip category-${line.category}`} data-testid="narration-category">
          {line.category}
        </span>
        <span className="narration-text" data-testid="narration-text">
          {narrationSegments(line.text, line.agents).map((segment, i) =>
            segment.kind === 'agent' ? <AgentLink key={i} id={segment.id} testId="narration-agent" /> : <span key={i}>{segment.text}</span>
          )}
        </span>
      </div>
    </li>
  )
}
