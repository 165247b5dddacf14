/**
 * The selected agent's decision trace: fetched when the inspector opens on it, then about once a
 * second but only when the town's tick moved (so a paused shard is not asked again and again),
 * skipped while the page is hidden, never two requests at once.
 */
import { useEffect, useState } from 'react'
import { useCommands, useStores } from '../../app/session-context'
import { nextTraceState, TRACE_REFRESH_MS } from './trace-state'
import type { TraceState } from './trace-state'

function pageHidden(): boolean {
  return (globalThis as { document?: { hidden?: boolean } }).document?.hidden === true
}

export function useDecisionTrace(id: string): TraceState {
  const commands = useCommands()
  const stores = useStores()
  const [state, setState] = useState<TraceState>({ status: 'loading' })
  useEffect(() => {
    let alive = true
    let inFlight = false
    let fetchedTick: number | null = null
    async function refresh(): Promise<void> {
      const tick = stores.observer.getState().tick
      if (inFlight || pageHidden() || tick === fetchedTick) return
      inFlight = true
      const result = await commands.fetchPolicyTrace(id)
      inFlight = false
      // A failed request is asked again next second even while the tick stands still.
      fetchedTick = result.ok ? tick : null
      if (alive) setState((previous) => nextTraceState(previous, result))
    }
    void refresh()
    const timer = setInterval(() => void refresh(), TRACE_REFRESH_MS)
    return () => {
      alive = false
      clearInterval(timer)
    }
  }, [commands, stores, id])
  return state
}
