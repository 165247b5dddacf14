/**
 * The policy runtime's requests: `policy.status` into the policy store (one request at a time;
 * a refresh asked for while one is in flight shares it), and one agent's decision trace, whose
 * reply the inspector keeps. Errors stay on the policy panel, not as notices: a host without a
 * policy runtime, or a shard not started, is not an operator's mistake.
 *
 * Views that show the status `watchPolicy()` while mounted: one poll runs (about once a second,
 * skipped while the page is hidden) however many watch, and a policy command's final result
 * fetches the status at once.
 */
import type { DecisionTrace } from '../../../shared/contract/dto/policy'
import type { Result } from '../../../shared/result'
import type { TownletClient } from '../api/townlet-client'
import type { Stores } from '../stores/stores'
import { latestPolicyResultKey } from '../features/policy/policy-commands'

/** How often a watched policy status is fetched again. */
export const POLICY_REFRESH_MS = 1_000

/** True while the page is in a background tab (no DOM types here: tests typecheck under Node). */
function pageHidden(): boolean {
  return (globalThis as { document?: { hidden?: boolean } }).document?.hidden === true
}

/** The policy fetches over a client and the stores; `clock` is injectable for tests. */
export function createPolicyCommands(client: TownletClient, stores: Stores, clock: () => number = Date.now) {
  let inFlight: Promise<boolean> | null = null

  /** Fetches `policy.status` into the policy store; true when it answered. */
  function refreshPolicy(): Promise<boolean> {
    if (inFlight) return inFlight
    inFlight = (async () => {
      const result = await client.invoke('policy.status', {})
      const store = stores.policy.getState()
      if (result.ok) store.setStatus(result.value, clock())
      else store.setError(`${result.error.code}: ${result.error.message}`)
      inFlight = null
      return result.ok
    })()
    return inFlight
  }

  /** One agent's latest decision (`policy.trace`); console.not_found means the agent left. */
  function fetchPolicyTrace(id: string): Promise<Result<DecisionTrace>> {
    return client.invoke('policy.trace', { id })
  }

  let watchers = 0
  let stop: (() => void) | null = null

  function startPolling(): () => void {
    const timer = setInterval(() => {
      if (!pageHidden()) void refreshPolicy()
    }, POLICY_REFRESH_MS)
    let lastKey = latestPolicyResultKey(stores.console.getState().results)
    const off = stores.console.subscribe((state) => {
      const key = latestPolicyResultKey(state.results)
      if (key === lastKey) return
      lastKey = key
      if (key !== null) void refreshPolicy()
    })
    return () => {
      clearInterval(timer)
      off()
    }
  }

  /** Fetches now and keeps polling until every watcher has called the returned function. */
  function watchPolicy(): () => void {
    watchers += 1
    if (watchers === 1) stop = startPolling()
    void refreshPolicy()
    let done = false
    return () => {
      if (done) return
      done = true
      watchers -= 1
      if (watchers === 0) {
        stop?.()
        stop = null
      }
    }
  }

  return { refreshPolicy, fetchPolicyTrace, watchPolicy }
}
