/**
 * The conflict panel's lists: the rivalry leaderboard (pairs by rivalry, with a bar), the latest
 * rivalry changes, and contention per object. Agent ids are links that focus the agent.
 */
import type { ConflictView } from '../../../../shared/contract/dto/society'
import { formatCount, formatFixed, formatSigned } from '../../components/format'
import { formatSimTime, useSimClock } from '../../components/sim-time'
import { ValueBar } from '../../components/value-bar'
import { AgentLink } from '../inspector/agent-link'

/** Rivalry events shown, newest first. */
export const MAX_RIVALRY_ROWS = 20

/**
 * Pairs by rivalry now, strongest first, with each pair's latest change in the feed beside it (the
 * host builds both from one list). A grudge fades in about an hour: a pair from the feed whose
 * rivalry is gone says so rather than vanishing.
 */
export function RivalryLeaderboard({ rows }: { rows: ConflictView['rivalry_leaderboard'] }) {
  if (rows.length === 0) return <p className="dim">No rivalries yet.</p>
  const scale = Math.max(1, ...rows.map((r) => r.value))
  return (
    <table className="data-table" data-testid="conflict-leaderboard">
      <thead>
        <tr>
          <th className="right">#</th>
          <th>agent</th>
          <th>rival</th>
          <th>rivalry now</th>
          <th className="right">last change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={`${row.a}|${row.b}`} data-testid="leaderboard-row" data-a={row.a} data-b={row.b}>
            <td className="mono num right dim">{i + 1}</td>
            <td>
              <AgentLink id={row.a} />
            </td>
            <td>
              <AgentLink id={row.b} />
            </td>
            <td className="bar-cell">
              <ValueBar value={row.value} scale={scale} tone="bad" label={`rivalry ${row.value}`} />
              <span className="mono num" data-testid="leaderboard-value">
                {formatFixed(row.value)}
              </span>
              {row.value === 0 ? (
                <span className="dim" data-testid="leaderboard-faded">
                  {' '}
                  faded
                </span>
              ) : null}
            </td>
            <td className="mono num right dim" data-testid="leaderboard-last-tick">
              {row.last_tick === null ? '—' : formatCount(row.last_tick)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The latest rivalry changes, newest first, stamped with day and time like the narration (the tick in its title). */
export function RivalryEvents({ events }: { events: ConflictView['rivalry_events'] }) {
  const clock = useSimClock()
  if (events.length === 0) return <p className="dim">No rivalry changes yet.</p>
  const recent = events.slice(-MAX_RIVALRY_ROWS).reverse()
  return (
    <ol className="activity-list rivalry-events mono">
      {recent.map((e, i) => (
        <li key={`${e.tick}-${e.agent_id}-${e.other}-${i}`} data-testid="rivalry-event" data-agent-id={e.agent_id} data-other={e.other}>
          <span className="dim" data-testid="rivalry-event-time" title={`tick ${formatCount(e.tick)}`}>
            {formatSimTime(clock, e.tick)}
          </span>{' '}
          <AgentLink id={e.agent_id} /> → <AgentLink id={e.other} />{' '}
          <span className={e.delta > 0 ? 'bad-text' : 'ok-text'}>{formatSigned(e.delta)}</span> <span className="dim">= {formatFixed(e.value)}</span>{' '}
          <span className="dim">{e.reason}</span>
        </li>
      ))}
    </ol>
  )
}

/** Conflicts per object, most contended first. */
export function ContentionTable({ rows }: { rows: ConflictView['contention'] }) {
  if (rows.length === 0) return <p className="dim">No queue conflicts yet.</p>
  const scale = Math.max(1, ...rows.map((r) => r.conflicts))
  return (
    <table className="data-table" data-testid="contention-table">
      <thead>
        <tr>
          <th>object</th>
          <th>conflicts</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.object_id} data-testid="contention-row" data-object-id={row.object_id}>
            <td className="mono">{row.object_id}</td>
            <td className="bar-cell">
              <ValueBar value={row.conflicts} scale={scale} tone="warn" label={`${row.conflicts} conflicts`} />
              <span className="mono num" data-testid="contention-count">
                {formatCount(row.conflicts)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
