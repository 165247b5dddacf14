/** Console results, newest first: status, code and one line each, the full reply under a toggle. */
import type { ConsoleEntry } from '../../stores/console-state'
import { formatClock } from '../../components/format'
import { resultSummary } from './result-text'

/** The list; a placeholder line when empty. */
export function ResultsList({ entries }: { entries: readonly ConsoleEntry[] }) {
  if (entries.length === 0) return <p className="dim" data-testid="console-results">No commands run yet.</p>
  return (
    <ol className="console-results" data-testid="console-results">
      {entries.map((entry) => {
        const { result } = entry
        const summary = resultSummary(result)
        return (
          <li
            key={result.cmd_id}
            className={`console-result result-${summary.status}`}
            data-testid="console-result"
            data-status={summary.status}
            data-cmd-id={result.cmd_id}
            data-code={summary.code || undefined}
          >
            <div className="result-line">
              <span className={`status-pill status-${summary.status}`} data-testid="console-result-status">
                {summary.status}
              </span>
              <code className="result-name">{result.name}</code>
              {summary.code ? (
                <code className="result-code" data-testid="console-result-code">
                  {summary.code}
                </code>
              ) : null}
              <span className="result-message" data-testid="console-result-message">
                {summary.message}
              </span>
              <span className="dim mono result-meta" title={`issuer ${result.issuer}, role ${result.role}`}>
                {formatClock(entry.at)} · tick {result.tick}
                {result.replayed ? ' · replayed' : ''} · {result.cmd_id}
              </span>
            </div>
            <details className="result-details">
              <summary>details</summary>
              <pre>{JSON.stringify({ args: entry.args, ...result }, null, 2)}</pre>
            </details>
          </li>
        )
      })}
    </ol>
  )
}
