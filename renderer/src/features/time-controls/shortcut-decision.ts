/**
 * Which clock action a key press means. Pure, so the rules are tested without a DOM:
 * Space plays/pauses (starts when idle), `.` steps (the keys come from the shortcut table);
 * nothing fires while a control has focus (a field, a select, a button: Space on a focused button
 * presses that button, and must not also toggle the clock), with a modifier held, or while the
 * shard is failed.
 */
import type { ShardState } from '../../../../shared/contract/dto/shard-status'
import { hasModifier, isOnControl } from '../shortcuts/key-press'
import type { KeyPress } from '../shortcuts/key-press'
import { shortcut, shortcutForKey } from '../shortcuts/shortcut-table'

export type { KeyPress } from '../shortcuts/key-press'

export type ShortcutAction = 'start' | 'pause' | 'resume' | 'step'

export function decideShortcut(press: KeyPress, state: ShardState | null): ShortcutAction | null {
  if (isOnControl(press) || hasModifier(press)) return null
  if (state === null || state === 'failed') return null
  const id = shortcutForKey(press.key)?.id
  if (id === 'toggle-clock') {
    // A held Space would flap between pause and resume.
    if (press.repeat) return null
    if (state === 'idle') return 'start'
    return state === 'running' ? 'pause' : 'resume'
  }
  if (id === 'step') return 'step'
  return null
}

/** How the buttons' titles name their keys. */
export const SHORTCUT_HINTS = { toggle: shortcut('toggle-clock').label, step: shortcut('step').label } as const
