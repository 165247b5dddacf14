import { useLogs } from '../../app/session-context'
import { Card } from '../../components/card'
import { formatClock } from '../../components/format'

/** How many recent lines the card shows; the store keeps more for later panels. */
const VISIBLE_LINES = 12

/** Recent host and shard-worker log lines, newest last, so operators see what the shard did. */
export function LogCard() {
  const entries = useLogs((s) => s.entries)
  const recent = entries.slice(-VISIBLE_LINES)
  return (
    <Card title="Log" testId="log-card" className="span-3">
      {recent.length === 0 ? (
        <p className="dim">no log lines yet</p>
      ) : (
        <ol className="log-lines mono">
          {recent.map((e, i) => (
            <li key={`${e.at}-${i}`} className={`log-line log-${e.level}`} data-testid="log-line">
              <span className="dim">{formatClock(e.at)}</span> <span className="log-source">{e.source}</span>{' '}
              <span className="log-level">{e.level}</span> {e.message}
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
