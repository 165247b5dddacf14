/**
 * Every keyboard shortcut, once. The key handling (the clock's `decideShortcut`, the operator keys'
 * `decideOperatorKey`), the `?` overlay and the operator guide's shortcut list all read this
 * table, so a shortcut cannot work without being listed, or be listed without working.
 */

/** What a shortcut does; the decisions switch on this. */
export type ShortcutId = 'toggle-clock' | 'step' | 'help' | 'switch-panel' | 'fit-map' | 'close' | 'focus-filter' | 'timeline-back' | 'timeline-forward' | 'timeline-live'

export interface Shortcut {
  id: ShortcutId
  /** `KeyboardEvent.key` values that trigger it. */
  keys: readonly string[]
  /** How the key is written for people: in the overlay and the guide. */
  label: string
  description: string
  /** Where it works, in the operator's words. */
  where: string
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'help', keys: ['?'], label: '?', description: 'Show or hide this list of shortcuts', where: 'everywhere' },
  {
    id: 'toggle-clock',
    keys: [' '],
    label: 'Space',
    description: 'Start the town when idle, pause it when running, resume it when paused',
    where: 'everywhere, for an admin; not while a button, field or list has focus'
  },
  {
    id: 'step',
    keys: ['.'],
    label: '.',
    description: 'Pause, then advance the number of ticks in the Step box',
    where: 'everywhere, for an admin; not while a button, field or list has focus'
  },
  { id: 'switch-panel', keys: DIGITS, label: '1–9', description: 'Open the panel with that number in the navigation, from the top', where: 'everywhere but a text field' },
  { id: 'fit-map', keys: ['f'], label: 'f', description: 'Fit the whole town in the map', where: 'the Map panel' },
  {
    id: 'timeline-back',
    keys: ['['],
    label: '[',
    description: 'View the tick before: from live, the tick before live (past, read-only); the live town keeps running',
    where: 'everywhere but a text field'
  },
  { id: 'timeline-forward', keys: [']'], label: ']', description: 'View the next tick, while viewing the past (every tick is fetched, none skipped)', where: 'everywhere but a text field' },
  { id: 'timeline-live', keys: ['l', 'L'], label: 'L', description: 'Back to the live town (Follow live)', where: 'everywhere but a text field' },
  { id: 'focus-filter', keys: ['/'], label: '/', description: "Put the cursor in the panel's filter", where: 'Agents, Narration and Console' },
  { id: 'close', keys: ['Escape'], label: 'Esc', description: 'Close this list; otherwise close the inspector (deselect the agent)', where: 'everywhere' }
]

/** The shortcut a key triggers, if any. */
export function shortcutForKey(key: string): Shortcut | null {
  return SHORTCUTS.find((s) => s.keys.includes(key)) ?? null
}

/** The entry for an id: the table is complete, so this never misses. */
export function shortcut(id: ShortcutId): Shortcut {
  const found = SHORTCUTS.find((s) => s.id === id)
  if (!found) throw new Error(`no shortcut ${id}`)
  return found
}

/** The attribute that marks a panel's filter input for `/`. */
export const FILTER_ATTRIBUTE = 'data-shortcut-filter'
