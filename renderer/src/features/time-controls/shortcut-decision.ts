/**
 * Which clock action a key press means. Pure, so the rules are tested without a DOM:
 * Space plays/pauses (starts when idle), `.` steps; nothing fires while the operator types in a
 * form field, holds a modifier, or while the shard is failed.
 */
import type { ShardState } from '../../../../shared/contract/dto/shard-status'

export type ShortcutAction = 'start' | 'pause' | 'resume' | 'step'

export interface KeyPress {
  key: string
  /** Upper-case tag name of the focused element, e.g. `INPUT`. */
  targetTag: string
  targetEditable: boolean
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  repeat: boolean
}

const TYPING_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA'])

export function decideShortcut(press: KeyPress, state: ShardState | null): ShortcutAction | null {
  if (TYPING_TAGS.has(press.targetTag) || press.targetEditable) return null
  if (press.ctrlKey || press.metaKey || press.altKey) return null
  if (state === null || state === 'failed') return null
  if (press.key === ' ') {
    // A held Space would flap between pause and resume.
    if (press.repeat) return null
    if (state === 'idle') return 'start'
    return state === 'running' ? 'pause' : 'resume'
  }
  if (press.key === '.') return 'step'
  return null
}

export const SHORTCUT_HINTS = { toggle: 'Space', step: '.' } as const
