/**
 * A key press as the shortcut decisions see it, and what the focused element does with keys
 * itself. Pure, so the rules are tested without a DOM; `toKeyPress` is the one DOM translation.
 */

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

/** Elements that take typed characters: a digit or `/` there is text, not a shortcut. */
const TYPING_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA'])
/** Elements that Space (or Enter) activates: a focused button must be pressed, not bypassed. */
const ACTIVATED_TAGS = new Set(['BUTTON', 'A', 'SUMMARY'])

/** The focus is in a field that takes typed text (a select's type-ahead counts). */
export function isTyping(press: KeyPress): boolean {
  return TYPING_TAGS.has(press.targetTag) || press.targetEditable
}

/** The focus is on any control (a field, a button, a link): Space and `.` belong to it. */
export function isOnControl(press: KeyPress): boolean {
  return isTyping(press) || ACTIVATED_TAGS.has(press.targetTag)
}

/** A chord with Ctrl, Cmd or Alt is the browser's or the system's, never ours. Shift is allowed: `?` needs it. */
export function hasModifier(press: KeyPress): boolean {
  return press.ctrlKey || press.metaKey || press.altKey
}

/**
 * The parts of a keydown event the shortcuts read, typed loosely: renderer tests typecheck under
 * the Node config (no DOM lib), and components they render bind these handlers.
 */
export interface KeyDown {
  key: string
  target: unknown
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  repeat: boolean
  preventDefault(): void
}

export function toKeyPress(event: KeyDown): KeyPress {
  const target = (event.target ?? null) as { tagName?: string; isContentEditable?: boolean } | null
  return {
    key: event.key,
    targetTag: (target?.tagName ?? '').toUpperCase(),
    targetEditable: target?.isContentEditable ?? false,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    repeat: event.repeat
  }
}

/** The page's window, seen through the slice a keydown listener needs (see KeyDown). */
export interface KeyTarget {
  addEventListener(type: 'keydown', fn: (e: KeyDown) => void): void
  removeEventListener(type: 'keydown', fn: (e: KeyDown) => void): void
}

export function pageKeys(): KeyTarget {
  return globalThis as unknown as KeyTarget
}
