/**
 * Keeps the observer store whole: streamed frames go in, and a full frame is fetched on
 * connection, after a config load and whenever a diff does not fit (a gap). One fetch at a time;
 * after a failed fetch, gaps wait a moment before asking again, so a host that cannot answer is
 * not asked thirty times a second. Failures are shown on the observer panels, not as notices.
 * The inspector's per-agent detail is a plain request whose reply the inspector keeps.
 */
import type { ObserverFrame } from '../../../shared/contract/dto/observer'
import type { AgentDetail } from '../../../shared/contract/dto/society'
import type { Result } from '../../../shared/result'
import type { TownletClient } from '../api/townlet-client'
import type { Stores } from '../stores/stores'

/** How long gaps wait after a failed fetch before asking again. */
export const GAP_RETRY_MS = 2_000

/** The observer fetch-and-apply logic over a client and the stores; `clock` is injectable for tests. */
export function createObserverCommands(client: TownletClient, stores: Stores, clock: () => number = Date.now) {
  let inFlight: Promise<boolean> | null = null
  let again = false
  let failedAt = Number.NEGATIVE_INFINITY

  async function fetchOnce(): Promise<boolean> {
    const result = await client.invoke('observer.full', {})
    const observer = stores.observer.getState()
    if (result.ok) {
      observer.receiveFull(result.value, clock())
      return true
    }
    failedAt = clock()
    observer.setError(`${result.error.code}: ${result.error.message}`)
    return false
  }

  /**
   * Fetches a full frame. `fresh` asks for one taken after this call (a config just loaded), so
   * a fetch already in flight is followed by another; a gap is content with the one in flight.
   */
  function refetchObserver(options: { fresh?: boolean } = {}): Promise<boolean> {
    if (inFlight) {
      if (options.fresh) again = true
      return inFlight
    }
    inFlight = (async () => {
      let ok = await fetchOnce()
      while (again) {
        again = false
        ok = await fetchOnce()
      }
      inFlight = null
      return ok
    })()
    return inFlight
  }

  function receiveObserverFrame(frame: ObserverFrame): void {
    if (stores.observer.getState().receive(frame, clock()) !== 'gap') return
    if (clock() - failedAt < GAP_RETRY_MS) return
    void refetchObserver()
  }

  /** One agent in depth (`observer.agent`) for the inspector; it shows the errors itself (console.not_found: the agent left). */
  function fetchAgentDetail(id: string): Promise<Result<AgentDetail>> {
    return client.invoke('observer.agent', { id })
  }

  return { refetchObserver, receiveObserverFrame, fetchAgentDetail }
}
