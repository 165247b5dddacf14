/**
 * The selected agent's detail, fetched when the inspector opens on it and refreshed about once a
 * second while it stays open (skipped while the page is hidden, and never two requests at once).
 */
import { useEffect, useState } from 'react'
import { useCommands } from '../../app/session-context'
import { DETAIL_REFRESH_MS, nextDetailState } from './agent-detail-state'
import type { DetailState } from './agent-detail-state'

/** True while the page is in a background tab (no DOM types here: tests typecheck under Node). */
function pageHidden(): boolean {
  return (globalThis as { document?: { hidden?: boolean } }).document?.hidden === true
}

export function useAgentDetail(id: string): DetailState {
  const commands = useCommands()
  const [state, setState] = useState<DetailState>({ status: 'loading' })
  useEffect(() => {
    let alive = true
    let inFlight = false
    async function refresh(): Promise<void> {
      if (inFlight || pageHidden()) return
      inFlight = true
      const result = await commands.fetchAgentDetail(id)
      inFlight = false
      if (alive) setState((previous) => nextDetailState(previous, result))
    }
    void refresh()
    const timer = setInterval(() => void refresh(), DETAIL_REFRESH_MS)
    return () => {
      alive = false
      clearInterval(timer)
    }
  }, [commands, id])
  return state
}
