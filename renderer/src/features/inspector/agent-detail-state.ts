/**
 * What the inspector knows of an agent's detail (`observer.agent`) between requests. A failed
 * refresh keeps the last detail rather than blanking the section; `console.not_found` means the
 * agent left the town, which is not an error to shout about.
 */
import type { AgentDetail } from '../../../../shared/contract/dto/society'
import type { Result } from '../../../../shared/result'

export type DetailState =
  | { status: 'loading' }
  | { status: 'ok'; detail: AgentDetail }
  | { status: 'gone' }
  | { status: 'error'; message: string }

/** How often the inspector refreshes the detail while it is open. */
export const DETAIL_REFRESH_MS = 1_000

/** The state after a reply. */
export function nextDetailState(previous: DetailState, result: Result<AgentDetail>): DetailState {
  if (result.ok) return { status: 'ok', detail: result.value }
  if (result.error.code === 'console.not_found') return { status: 'gone' }
  if (previous.status === 'ok') return previous
  return { status: 'error', message: `${result.error.code}: ${result.error.message}` }
}

/** Ties most notable first: highest rivalry, then highest trust, then by id. */
export function sortTies(ties: readonly AgentDetail['ties'][number][]): AgentDetail['ties'] {
  return [...ties].sort((a, b) => b.rivalry - a.rivalry || b.trust - a.trust || a.other.localeCompare(b.other))
}
