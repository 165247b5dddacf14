/**
 * What the operator's (non-clock) keys mean: `?` the shortcuts list, digits the panels, `f` fit
 * the map, `/` the panel's filter, `[` `]` `L` the timeline (a tick back, forward, live), Esc close. Pure, so the rules are tested without a DOM; they
 * work for viewers too (none of them changes the shard). Keys come from the shortcut table.
 */
import { hasModifier, isTyping } from './key-press'
import type { KeyPress } from './key-press'
import { shortcutForKey } from './shortcut-table'

export type OperatorKeyAction =
  | { kind: 'open-help' }
  | { kind: 'close-help' }
  | { kind: 'switch-panel'; index: number }
  | { kind: 'fit-map' }
  | { kind: 'focus-filter' }
  | { kind: 'deselect' }
  | { kind: 'timeline'; move: 'back' | 'forward' | 'live' }

/** The page around the key press. */
export interface KeyContext {
  helpOpen: boolean
  /** Another modal (a confirmation) is open: it owns the keyboard. */
  otherDialogOpen: boolean
  activePanel: string
  panelCount: number
  hasSelection: boolean
  /** The map is picking a tile: its own Escape cancels that first. */
  picking: boolean
}

export function decideOperatorKey(press: KeyPress, ctx: KeyContext): OperatorKeyAction | null {
  if (hasModifier(press) || ctx.otherDialogOpen) return null
  const id = shortcutForKey(press.key)?.id
  if (id === 'close') {
    if (ctx.helpOpen) return { kind: 'close-help' }
    // Escape in a field is the field's (a search box clears itself); picking is the map's.
    if (isTyping(press) || ctx.picking) return null
    return ctx.hasSelection ? { kind: 'deselect' } : null
  }
  // Digits, `?`, `f` and `/` typed into a field are text.
  if (isTyping(press)) return null
  // The list is modal: while it shows, only its own keys act.
  if (ctx.helpOpen) return id === 'help' ? { kind: 'close-help' } : null
  switch (id) {
    case 'help':
      return { kind: 'open-help' }
    case 'switch-panel': {
      const index = Number(press.key) - 1
      return index < ctx.panelCount ? { kind: 'switch-panel', index } : null
    }
    case 'fit-map':
      return ctx.activePanel === 'map' ? { kind: 'fit-map' } : null
    case 'focus-filter':
      return { kind: 'focus-filter' }
    // Viewing the past is this page's own: allowed to viewers, and never changes the shard.
    case 'timeline-back':
      return { kind: 'timeline', move: 'back' }
    case 'timeline-forward':
      return { kind: 'timeline', move: 'forward' }
    case 'timeline-live':
      return { kind: 'timeline', move: 'live' }
    default:
      return null
  }
}
