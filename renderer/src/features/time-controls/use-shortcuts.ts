/**
 * Binds the clock shortcuts to the window. The decision is the pure `decideShortcut`; this hook
 * only translates the DOM event and calls the chosen action.
 */
import { useEffect, useRef } from 'react'
import type { ShardState } from '../../../../shared/contract/dto/shard-status'
import { pageKeys, toKeyPress } from '../shortcuts/key-press'
import type { KeyDown } from '../shortcuts/key-press'
import { decideShortcut } from './shortcut-decision'
import type { ShortcutAction } from './shortcut-decision'

export function useShortcuts(state: ShardState | null, run: (action: ShortcutAction) => void): void {
  // Refs keep one listener for the page's lifetime while always seeing the latest state.
  const latest = useRef({ state, run })
  latest.current = { state, run }

  useEffect(() => {
    function onKeyDown(event: KeyDown): void {
      const action = decideShortcut(toKeyPress(event), latest.current.state)
      if (action === null) return
      // Space would otherwise also scroll the page.
      event.preventDefault()
      latest.current.run(action)
    }
    const page = pageKeys()
    page.addEventListener('keydown', onKeyDown)
    return () => page.removeEventListener('keydown', onKeyDown)
  }, [])
}
