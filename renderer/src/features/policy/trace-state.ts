/**
 * What the inspector knows of an agent's decision trace (`policy.trace`) between requests. Like
 * the agent detail, a failed refresh keeps the last trace; `console.not_found` means the agent
 * left (or has made no decision yet), which is said quietly.
 */
import type { DecisionTrace } from '../../../../shared/contract/dto/policy'
import type { Result } from '../../../../shared/result'

export type TraceState =
  | { status: 'loading' }
  | { status: 'ok'; trace: DecisionTrace }
  | { status: 'gone' }
  | { status: 'error'; message: string }

/** At most one trace request a second, and only when the tick moved since the last one. */
export const TRACE_REFRESH_MS = 1_000

export function nextTraceState(previous: TraceState, result: Result<DecisionTrace>): TraceState {
  if (result.ok) return { status: 'ok', trace: result.value }
  if (result.error.code === 'console.not_found') return { status: 'gone' }
  if (previous.status === 'ok') return previous
  return { status: 'error', message: `${result.error.code}: ${result.error.message}` }
}
