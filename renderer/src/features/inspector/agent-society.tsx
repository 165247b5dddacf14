/**
 * The inspector's Relationships and Reward sections, from `observer.agent`: ties most notable
 * first (rivalry, then trust) with bars for trust, familiarity and rivalry, each other agent a
 * link that focuses it; and this tick's reward with its components.
 */
import type { AgentDetail } from '../../../../shared/contract/dto/society'
import { formatFixed, formatSigned } from '../../components/format'
import { SignedBars } from '../../components/signed-bars'
import { ValueBar } from '../../components/value-bar'
import { sortTies } from './agent-detail-state'
import type { DetailState } from './agent-detail-state'
import { AgentLink } from './agent-link'
import { CollapsibleSection } from './collapsible-section'
import { useAgentDetail } from './use-agent-detail'

/** Ties shown; the rest are counted. */
export const MAX_TIES = 12

/** Both sections for one agent, fetched and refreshed while the inspector shows it. */
export function InspectorSociety({ id }: { id: string }) {
  const state = useAgentDetail(id)
  return <AgentSocietySections state={state} />
}

/** The two sections for a detail state (also what render tests draw). */
export function AgentSocietySections({ state }: { state: DetailState }) {
  if (state.status !== 'ok') {
    const text =
      state.status === 'loading' ? 'loading…' : state.status === 'gone' ? 'left the town' : `relationships unavailable (${state.message})`
    return (
      <CollapsibleSection id="relationships" title="relationships & reward" testId="inspector-ties" status={state.status}>
        <p className={state.status === 'error' ? 'warn-text' : 'dim'} data-testid="inspector-detail-status">
          {text}
        </p>
      </CollapsibleSection>
    )
  }
  return (
    <>
      <AgentTies detail={state.detail} />
      <AgentReward reward={state.detail.reward} />
    </>
  )
}

/** Personality in one line, then the ties. */
export function AgentTies({ detail }: { detail: AgentDetail }) {
  const ties = sortTies(detail.ties)
  const shown = ties.slice(0, MAX_TIES)
  const p = detail.personality
  return (
    <CollapsibleSection id="relationships" title="relationships" testId="inspector-ties" status="ok">
      {p ? (
        <p className="dim personality" data-testid="inspector-personality">
          {p.profile} · extroversion {formatFixed(p.extroversion)} · forgiveness {formatFixed(p.forgiveness)} · ambition {formatFixed(p.ambition)}
        </p>
      ) : null}
      {shown.length === 0 ? (
        <p className="dim">no ties yet</p>
      ) : (
        <div className="tie-table" role="table" aria-label="ties">
          <div className="tie-row tie-head" role="row">
            <span role="columnheader">other</span>
            <span role="columnheader">trust</span>
            <span role="columnheader">familiarity</span>
            <span role="columnheader">rivalry</span>
          </div>
          {shown.map((tie) => (
            <div key={tie.other} className="tie-row" role="row" data-testid="inspector-tie" data-other={tie.other}>
              <span role="cell" className="ellipsis">
                <AgentLink id={tie.other} testId="inspector-tie-link" />
              </span>
              <TieMetric value={tie.trust} signed tone={tie.trust < 0 ? 'bad' : 'ok'} label="trust" />
              <TieMetric value={tie.familiarity} tone="accent" label="familiarity" />
              <TieMetric value={tie.rivalry} tone="bad" label="rivalry" />
            </div>
          ))}
        </div>
      )}
      {ties.length > shown.length ? <p className="dim">and {ties.length - shown.length} more</p> : null}
    </CollapsibleSection>
  )
}

function TieMetric(props: { value: number; label: string; tone: string; signed?: boolean }) {
  return (
    <span role="cell" className="tie-metric" title={`${props.label} ${formatFixed(props.value, 3)}`}>
      <ValueBar value={props.value} signed={props.signed ?? false} tone={props.tone} label={`${props.label} ${props.value}`} />
      <span className="mono num">{formatFixed(props.value)}</span>
    </span>
  )
}

/** This tick's total, the episode's total, and the components as bars. */
export function AgentReward({ reward }: { reward: AgentDetail['reward'] }) {
  return (
    <CollapsibleSection id="reward" title="reward">
      {reward === null ? (
        <p className="dim" data-testid="inspector-reward-none">
          no reward this tick (rewards are off, or the agent has not acted yet)
        </p>
      ) : (
        <>
          <dl className="facts">
            <dt>this tick</dt>
            <dd className="mono num" data-testid="inspector-reward-total">
              {formatSigned(reward.total, 3)}
            </dd>
            <dt>episode</dt>
            <dd className="mono num" data-testid="inspector-reward-episode">
              {formatSigned(reward.episode_total, 2)}
            </dd>
          </dl>
          <SignedBars values={reward.components} testId="inspector-reward-component" empty="no components" />
        </>
      )}
    </CollapsibleSection>
  )
}
