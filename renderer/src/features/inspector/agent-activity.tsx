/** The agent's recent engine events and the console commands that named it, newest first. */
import type { ObserverEvent } from '../../../../shared/contract/dto/observer'
import type { ConsoleEntry } from '../../stores/console-state'
import { resultSummary } from '../console/result-text'
import { eventText } from './event-text'

/** Rows shown per list; the store keeps a few more. */
export const ACTIVITY_ROWS = 12

/** Recent events that name the agent, newest first. */
export function AgentEvents({ events }: { events: readonly ObserverEvent[] }) {
  const recent = events.slice(-ACTIVITY_ROWS).reverse()
  return (
    <section className="inspector-section" aria-label="recent events">
      <h3>recent events</h3>
      {recent.length === 0 ? (
        <p className="dim">none yet</p>
      ) : (
        <ol className="activity-list mono" data-testid="inspector-events">
          {recent.map((event, i) => (
            <li key={`${event.tick}-${i}`} data-testid="inspector-event">
              <span className="dim">{event.tick}</span> {eventText(event)}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** Console results whose args or result name the agent, newest first. */
export function AgentCommands({ entries }: { entries: readonly ConsoleEntry[] }) {
  const recent = entries.slice(0, ACTIVITY_ROWS)
  return (
    <section className="inspector-section" aria-label="commands">
      <h3>commands applied</h3>
      {recent.length === 0 ? (
        <p className="dim">none from this session</p>
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
    </section>
  )
}
