/** One agent in the Agents table: needs with bars and sparklines, money, job, what it is doing. */
import { memo } from 'react'
import type { AgentRow as AgentRowDto } from '../../../../shared/contract/dto/observer'
import { formatMoney, formatPercent } from '../../components/format'
import { Sparkline } from '../../components/sparkline'
import type { NeedSample } from '../../stores/agent-history'
import { NEEDS } from '../../stores/needs-history'
import type { Need } from '../../stores/needs-history'
import { needLevel } from '../overview/need-level'

function NeedCell({ need, value, samples }: { need: Need; value: number; samples: readonly NeedSample[] }) {
  return (
    <div role="cell" className={`cell need-cell need-${need} level-${needLevel(value)}`} title={`${need} ${formatPercent(value)}`}>
      <span className="mini-track">
        <span className="need-fill" style={{ width: formatPercent(value) }} />
      </span>
      <span className="need-value mono num">{formatPercent(value)}</span>
      <Sparkline values={samples.map((s) => s[need])} width={40} height={14} className={`spark-${need}`} />
    </div>
  )
}

/** One table row; memoised, so rows whose agent did not change are not re-rendered. */
export const AgentRow = memo(function AgentRow(props: {
  agent: AgentRowDto
  samples: readonly NeedSample[]
  selected: boolean
  onSelect: (id: string) => void
}) {
  const { agent, samples, selected, onSelect } = props
  const doing = agent.action ? `${agent.option} · ${agent.action}` : agent.option
  return (
    <div
      role="row"
      tabIndex={0}
      className={`agent-row${selected ? ' selected' : ''}`}
      data-testid="agent-row"
      data-agent-id={agent.id}
      aria-selected={selected}
      onClick={() => onSelect(agent.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault()
          onSelect(agent.id)
        }
      }}
    >
      <div role="cell" className="cell mono ellipsis" title={agent.id}>
        {agent.id}
      </div>
      {NEEDS.map((need) => (
        <NeedCell key={need} need={need} value={agent[need]} samples={samples} />
      ))}
      <div role="cell" className="cell mono num right">
        {formatMoney(agent.wallet)}
      </div>
      <div role="cell" className="cell ellipsis" title={agent.job ?? undefined}>
        {agent.job ?? <span className="dim">—</span>}
      </div>
      <div role="cell" className={`cell shift-${agent.shift}`}>
        {agent.shift}
      </div>
      <div role="cell" className="cell ellipsis" title={`${doing} (${agent.phase})${agent.fail_reason ? ` — failed: ${agent.fail_reason}` : ''}`}>
        <span className={`option-dot option-${agent.option}`} aria-hidden="true" />
        {doing}
      </div>
      <div role="cell" className="cell mono ellipsis" title={agent.target ?? undefined}>
        {agent.target ?? <span className="dim">—</span>}
        {agent.queue_pos !== null ? <span className="dim"> #{agent.queue_pos}</span> : null}
      </div>
    </div>
  )
})
