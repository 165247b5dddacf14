/**
 * Console results, newest first: status, code and the name on one line; the answer in full under
 * it (tables, pretty JSON, or the error or queued sentence); the time, tick and cmd_id on a line
 * of their own that wraps rather than being cut off.
 */
import { memo } from 'react'
import { telemetrySchemaWarning } from '../../../../shared/contract/dto/telemetry-console'
import type { ConsoleEntry } from '../../stores/console-state'
import { formatClock } from '../../components/format'
import { ResultBody } from './result-body'
import type { ClockNow } from './result-text'
import { resultSummary } from './result-text'

/** The list; a placeholder line when empty. `clock` says what a queued command waits for. */
export function ResultsList({ entries, clock }: { entries: readonly ConsoleEntry[]; clock?: ClockNow | undefined }) {
  if (entries.length === 0) return <p className="dim" data-testid="console-results">No commands run yet.</p>
  return (
    <ol className="console-results" data-testid="console-results">
      {entries.map((entry) => {
        // Only a queued row's words follow the clock, so only those rows render again as it ticks.
        const summary = resultSummary(entry.result, entry.result.status === 'queued' ? clock : undefined)
        return <ResultRow key={entry.result.cmd_id} entry={entry} code={summary.code} message={summary.message} />
      })}
    </ol>
  )
}

const ResultRow = memo(function ResultRow({ entry, code, message }: { entry: ConsoleEntry; code: string; message: string }) {
  const { result } = entry
  const status = result.status
  // A shard on another telemetry schema: its answer may hold fields this console does not show.
  const warning = status === 'ok' ? telemetrySchemaWarning(result.name, result.result) : null
  return (
    <li className={`console-result result-${status}`} data-testid="console-result" data-status={status} data-cmd-id={result.cmd_id} data-code={code || undefined}>
      <div className="result-line">
        <span className={`status-pill status-${status}`} data-testid="console-result-status">
          {status}
        </span>
        <code className="result-name">{result.name}</code>
        {code ? (
          <code className="result-code" data-testid="console-result-code">
            {code}
          </code>
        ) : null}
        {status === 'ok' ? null : (
          <span className="result-message" data-testid="console-result-message">
            {message}
          </span>
        )}
      </div>
      {warning ? (
        <p className="result-warning warn-text" role="note" data-testid="console-result-warning">
          {warning}
        </p>
      ) : null}
      {status === 'ok' ? <ResultBody value={result.result} /> : null}
      <div className="dim mono result-meta" data-testid="console-result-meta" title={`issuer ${result.issuer}, role ${result.role}`}>
        {formatClock(entry.at)} · tick {result.tick}
        {result.replayed ? ' · replayed' : ''} · {result.cmd_id}
      </div>
      <details className="result-details">
        <summary>sent and answered</summary>
        <pre>{JSON.stringify({ args: entry.args, ...result }, null, 2)}</pre>
      </details>
    </li>
  )
})
