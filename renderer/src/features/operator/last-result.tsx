/**
 * The outcome of the latest command a control sent: `queued` first, then its final result when
 * the `console.result` event lands on the same cmd_id in the console store.
 */
import { useCallback, useState } from 'react'
import type { ConsoleResult } from '../../../../shared/contract/dto/console'
import { useConsole } from '../../app/session-context'
import { resultSummary } from '../console/result-text'

/** `track` the reply of a run; `last` is that command's newest result (null before any). */
export function useLastResult(): { track: (result: ConsoleResult) => void; last: ConsoleResult | null } {
  const [cmdId, setCmdId] = useState<string | null>(null)
  const last = useConsole((s) => (cmdId === null ? null : (s.results.find((e) => e.result.cmd_id === cmdId)?.result ?? null)))
  const track = useCallback((result: ConsoleResult) => setCmdId(result.cmd_id), [])
  return { track, last }
}

/** One line: the command, its status, the error code if any, and the message. */
export function LastResult({ result, testId }: { result: ConsoleResult | null; testId: string }) {
  if (!result) return null
  const summary = resultSummary(result)
  return (
    <span className={`last-result status-${summary.status}`} data-testid={testId} data-status={summary.status}>
      {result.name} {summary.status}
      {summary.code ? ` ${summary.code}` : ''}: {summary.message}
    </span>
  )
}
