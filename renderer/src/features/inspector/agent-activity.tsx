/** The agent's recent engine events, as sentences, and the console commands aimed at it, newest first. */
import type { ObserverEvent } from '../../../../shared/contract/dto/observer'
import type { ConsoleEntry } from '../../stores/console-state'
import { resultSummary } from '../console/result-text'
import { CollapsibleSection } from './collapsible-section'
import { eventText } from './event-text'

/** Rows shown per list; the store keeps a few more. */
export const ACTIVITY_ROWS = 12

/** Recent events that name the agent, newest first, told from its side. */
export function AgentEvents({ id, events }: { id: string; events: readonly ObserverEvent[] }) {
  const recent = events.slice(-ACTIVITY_ROWS).reverse()
  return (
    <CollapsibleSection id="events" title="recent events">
      {recent.length === 0 ? (
        <p className="dim">none yet</p>
      ) : (
        <ol className="activity-list" data-testid="inspector-events">
          {recent.map((event, i) => (
            <li key={`${event.tick}-${i}`} data-testid="inspector-event" data-type={event.type}>
              <span className="dim mono num">{event.tick}</span> {eventText(event, id)}
            </li>
          ))}
        </ol>
      )}
    </CollapsibleSection>
  )
}

/** Console results aimed at the agent in this town, newest first. */
export function AgentCommands({ entries }: { entries: readonly ConsoleEntry[] }) {
  const recent = entries.slice(0, ACTIVITY_ROWS)
  return (
    <CollapsibleSection id="commands" title="commands applied">
      {recent.length === 0 ? (
        <p className="dim">none in this town from this session</p>
      ) : (
        <ol className="activity-list mono" data-testid="inspector-commands">
          {recent.map((entry) => {
            const summary = resultSummary(entry.result)
            return (
              <li key={entry.result.cmd_id} data-testid="inspector-command" data-status={summary.status} title={entry.result.cmd_id}>
                <span className={`status-text status-${summary.status}`}>{summary.status}</span> {entry.result.name}
                {summary.code ? <code className="bad-text"> {summary.code}</code> : null} <span className="dim">{summary.message}</span>
              </li>
            )
          })}
        </ol>
      )}
    </CollapsibleSection>
  )
}
