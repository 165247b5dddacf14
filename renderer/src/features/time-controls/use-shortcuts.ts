/**
 * Binds the clock shortcuts to the window. The decision is the pure `decideShortcut`; this hook
 * only translates the DOM event and calls the chosen action.
 */
import { useEffect, useRef } from 'react'
import type { ShardState } from '../../../../shared/contract/dto/shard-status'
import { decideShortcut } from './shortcut-decision'
import type { ShortcutAction } from './shortcut-decision'

export function useShortcuts(state: ShardState | null, run: (action: ShortcutAction) => void): void {
  // Refs keep one listener for the page's lifetime while always seeing the latest state.
  const latest = useRef({ state, run })
  latest.current = { state, run }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const target = event.target instanceof HTMLElement ? event.target : null
      const action = decideShortcut(
        {
          key: event.key,
          targetTag: target?.tagName ?? '',
          targetEditable: target?.isContentEditable ?? false,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          repeat: event.repeat
        },
        latest.current.state
      )
      if (action === null) return
      // Space would otherwise also scroll the page or press the focused button.
      event.preventDefault()
      latest.current.run(action)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
