/**
 * Binds the clock shortcuts to the window. The decision is the pure `decideShortcut`; this hook
 * only translates the DOM event and calls the chosen action.
 */
import { useEffect, useRef } from 'react'
import type { ShardState } from '../../../../shared/contract/dto/shard-status'
import { decideShortcut } from './shortcut-decision'
import type { ShortcutAction } from './shortcut-decision'

/**
 * The parts of a keydown event the shortcuts read, typed loosely: renderer tests typecheck under
 * the Node config (no DOM lib), and the header they render binds this hook.
 */
interface KeyDown {
  key: string
  target: unknown
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  repeat: boolean
  preventDefault(): void
}

export function useShortcuts(state: ShardState | null, run: (action: ShortcutAction) => void): void {
  // Refs keep one listener for the page's lifetime while always seeing the latest state.
  const latest = useRef({ state, run })
  latest.current = { state, run }

  useEffect(() => {
    function onKeyDown(event: KeyDown): void {
      const target = (event.target ?? null) as { tagName?: string; isContentEditable?: boolean } | null
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
    // The page's window, seen through the slice this hook needs (see KeyDown).
    const page = globalThis as unknown as { addEventListener(type: 'keydown', fn: (e: KeyDown) => void): void; removeEventListener(type: 'keydown', fn: (e: KeyDown) => void): void }
    page.addEventListener('keydown', onKeyDown)
    return () => page.removeEventListener('keydown', onKeyDown)
  }, [])
}
