/** What an agent is doing and who it is: needs, option, phase, action, target, home, job, money. */
import type { ReactNode } from 'react'
import type { AgentRow } from '../../../../shared/contract/dto/observer'
import { formatMoney, formatPercent } from '../../components/format'
import { NEEDS } from '../../stores/needs-history'
import { needLevel } from '../overview/need-level'

function Fact(props: { label: string; testId: string; children: ReactNode }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd className="mono" data-testid={props.testId}>
        {props.children}
      </dd>
    </>
  )
}

/** Needs as compact bars, coloured like the Overview's. */
export function InspectorNeeds({ agent }: { agent: AgentRow }) {
  return (
    <div className="need-bars">
      {NEEDS.map((need) => (
        <div key={need} className={`need-row need-${need} level-${needLevel(agent[need])}`}>
          <span className="need-label">{need}</span>
          <div className="need-track" role="meter" aria-label={need} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(agent[need] * 100)}>
            <div className="need-fill" style={{ width: formatPercent(agent[need]) }} />
          </div>
          <span className="need-value mono num" data-testid={`inspector-need-${need}`}>
            {formatPercent(agent[need])}
          </span>
        </div>
      ))}
    </div>
  )
}

/** Option, phase, action, target, queue position, position, home, job and shift, wallet, last failure. */
export function InspectorFacts({ agent }: { agent: AgentRow }) {
  const dash = '—'
  return (
    <dl className="facts inspector-facts">
      <Fact label="option" testId="inspector-option">
        {agent.option}
      </Fact>
      <Fact label="phase" testId="inspector-phase">
        {agent.phase}
      </Fact>
      <Fact label="action" testId="inspector-action">
        {agent.action ?? dash}
      </Fact>
      <Fact label="target" testId="inspector-target">
        {agent.target ?? dash}
      </Fact>
      <Fact label="queue pos" testId="inspector-queue-pos">
        {agent.queue_pos === null ? dash : agent.queue_pos === 0 ? '0 (next)' : agent.queue_pos}
      </Fact>
      <Fact label="position" testId="inspector-position">
        ({agent.x}, {agent.y})
      </Fact>
      <Fact label="home" testId="inspector-home">
        {agent.home ?? dash}
      </Fact>
      <Fact label="job" testId="inspector-job">
        {agent.job ? `${agent.job} · ${agent.shift}` : dash}
      </Fact>
      <Fact label="wallet" testId="inspector-wallet">
        {formatMoney(agent.wallet)}
      </Fact>
      <Fact label="failed" testId="inspector-fail-reason">
        {agent.fail_reason === '' ? dash : <span className="bad-text">{agent.fail_reason}</span>}
      </Fact>
    </dl>
  )
}
