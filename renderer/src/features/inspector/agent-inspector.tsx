/**
 * The selected agent, beside the Map or the Agents table: needs (bars and history), what it is
 * doing, who it is, its relationships and reward (fetched with observer.agent), the admin actions
 * and possession, its latest decision trace (policy.trace), its recent events and the commands
 * aimed at it (in this town). Sections fold and stay folded (collapsible-section.tsx).
 */
import { useMemo } from 'react'
import { useConfig, useConsole, useObserver, useObserverSampled, useUi } from '../../app/session-context'
import type { ObserverEvent } from '../../../../shared/contract/dto/observer'
import { AgentCommands, AgentEvents } from './agent-activity'
import { commandsForAgent } from './agent-commands'
import { CollapsibleSection } from './collapsible-section'
import { AgentNeedsChart } from './agent-needs-chart'
import { InspectorSociety } from './agent-society'
import { InspectorActions } from './inspector-actions'
import { InspectorFacts, InspectorNeeds } from './inspector-facts'
import { fieldChecked } from '../../components/field-value'
import { PossessionControls } from '../policy/possession-controls'
import { DecisionTrace } from '../policy/trace-view'

const NO_EVENTS: readonly ObserverEvent[] = []

/** The inspector for the selected agent; nothing when none is selected. */
export function AgentInspector() {
  const id = useUi((s) => s.selectedAgentId)
  return id === null ? null : <InspectorBody key={id} id={id} />
}

function InspectorBody({ id }: { id: string }) {
  const select = useUi((s) => s.select)
  const follow = useUi((s) => s.followSelected)
  const setFollow = useUi((s) => s.setFollow)
  const agent = useObserverSampled((s) => s.agents.get(id) ?? null, 250)
  const events = useObserver((s) => s.agentEvents.get(id) ?? NO_EVENTS)
  const results = useConsole((s) => s.results)
  const loadedAt = useConfig((s) => s.loadedAt)
  const commands = useMemo(() => commandsForAgent(results, id, loadedAt), [results, id, loadedAt])

  return (
    <aside className="inspector card" data-testid="inspector" data-agent-id={id} aria-label={`Agent ${id}`}>
      <header className="card-title">
        <h2 className="inspector-title mono">{id}</h2>
        <div className="card-actions">
          <label className="toolbar-field" title="Keep this agent centred on the map">
            <input type="checkbox" data-testid="inspector-follow" checked={follow} onChange={(e) => setFollow(fieldChecked(e))} />
            follow
          </label>
          <button type="button" className="icon" data-testid="inspector-close" aria-label="Close the inspector" title="Close" onClick={() => select(null)}>
            ×
          </button>
        </div>
      </header>
      <div className="card-body inspector-body">
        {agent ? (
          <>
            <CollapsibleSection id="needs" title="needs">
              <InspectorNeeds agent={agent} />
              <AgentNeedsChart agentId={id} />
            </CollapsibleSection>
            <CollapsibleSection id="state" title="state">
              <InspectorFacts agent={agent} />
            </CollapsibleSection>
            <InspectorSociety id={id} />
            <InspectorActions agent={agent} />
            <CollapsibleSection id="possession" title="possession" className="wraps-section">
              <PossessionControls agent={agent} />
            </CollapsibleSection>
            <CollapsibleSection id="trace" title="decision trace" className="wraps-section">
              <DecisionTrace id={id} />
            </CollapsibleSection>
          </>
        ) : (
          <p className="dim" data-testid="inspector-missing">
            {id} is not in the town (it left, or has not arrived yet).
          </p>
        )}
        <AgentEvents id={id} events={events} />
        <AgentCommands entries={commands} />
      </div>
    </aside>
  )
}
