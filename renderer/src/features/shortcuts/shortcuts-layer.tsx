/**
 * Binds the operator keys to the window and shows the `?` overlay. Which key means what is the
 * pure `decideOperatorKey`; this component reads the page around the press and carries the
 * action out. Mounted once by the app shell, beside the panels.
 */
import { useEffect, useRef, useState } from 'react'
import type { PanelEntry } from '../../app/panels'
import { useCommands, useStores } from '../../app/session-context'
import { pageKeys, toKeyPress } from './key-press'
import type { KeyDown } from './key-press'
import { requestMapFit } from './map-fit-request'
import { decideOperatorKey } from './operator-keys'
import { FILTER_ATTRIBUTE } from './shortcut-table'
import { ShortcutsOverlay } from './shortcuts-overlay'

/** The page's document, seen through the two look-ups the keys need (renderer tests have no DOM lib). */
interface PageDocument {
  querySelector(selector: string): { focus(): void; select?: () => void } | null
}

function pageDocument(): PageDocument | null {
  return (globalThis as unknown as { document?: PageDocument }).document ?? null
}

/** A modal other than the shortcuts list (the destructive-command confirmation) owns the keys. */
function otherDialogOpen(): boolean {
  return pageDocument()?.querySelector('[aria-modal="true"]:not([data-testid="shortcuts-overlay"])') != null
}

/** Focuses (and selects, to retype) the shown panel's filter; only the active panel is rendered. */
function focusFilter(): void {
  const input = pageDocument()?.querySelector(`.panel [${FILTER_ATTRIBUTE}]`)
  input?.focus()
  input?.select?.()
}

export function ShortcutsLayer({ panels }: { panels: readonly PanelEntry[] }) {
  const stores = useStores()
  const commands = useCommands()
  const [helpOpen, setHelpOpen] = useState(false)
  // One listener for the page's lifetime that always sees the latest overlay state and panels.
  const latest = useRef({ helpOpen, panels })
  latest.current = { helpOpen, panels }

  useEffect(() => {
    function onKeyDown(event: KeyDown): void {
      const ui = stores.ui.getState()
      const action = decideOperatorKey(toKeyPress(event), {
        helpOpen: latest.current.helpOpen,
        otherDialogOpen: otherDialogOpen(),
        activePanel: ui.activePanel,
        panelCount: latest.current.panels.length,
        hasSelection: ui.selectedAgentId !== null,
        picking: ui.picking
      })
      if (action === null) return
      // `/` would otherwise be typed into the filter it focuses.
      event.preventDefault()
      switch (action.kind) {
        case 'open-help':
          return setHelpOpen(true)
        case 'close-help':
          return setHelpOpen(false)
        case 'switch-panel': {
          const panel = latest.current.panels[action.index]
          if (panel) ui.setActivePanel(panel.id)
          return
        }
        case 'fit-map':
          requestMapFit()
          return
        case 'focus-filter':
          return focusFilter()
        case 'deselect':
          return ui.select(null)
        case 'timeline':
          if (action.move === 'live') return commands.backToLive()
          void commands.stepTick(action.move === 'back' ? -1 : 1)
          return
      }
    }
    const page = pageKeys()
    page.addEventListener('keydown', onKeyDown)
    return () => page.removeEventListener('keydown', onKeyDown)
  }, [stores, commands])

  return helpOpen ? <ShortcutsOverlay panels={panels} onClose={() => setHelpOpen(false)} /> : null
}
