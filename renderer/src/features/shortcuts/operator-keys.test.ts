import { describe, expect, it } from 'vitest'
import { decideShortcut } from '../time-controls/shortcut-decision'
import type { KeyPress } from './key-press'
import { toKeyPress } from './key-press'
import { decideOperatorKey } from './operator-keys'
import type { KeyContext } from './operator-keys'
import { SHORTCUTS, shortcutForKey } from './shortcut-table'

function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, targetTag: 'BODY', targetEditable: false, ctrlKey: false, metaKey: false, altKey: false, repeat: false, ...extra }
}

const page: KeyContext = { helpOpen: false, otherDialogOpen: false, activePanel: 'overview', panelCount: 9, hasSelection: false, picking: false }

describe('decideOperatorKey', () => {
  it('opens the shortcuts list with ? and closes it with ? or Esc', () => {
    expect(decideOperatorKey(press('?'), page)).toEqual({ kind: 'open-help' })
    expect(decideOperatorKey(press('?', { targetTag: 'BUTTON' }), { ...page, helpOpen: true })).toEqual({ kind: 'close-help' })
    expect(decideOperatorKey(press('Escape', { targetTag: 'BUTTON' }), { ...page, helpOpen: true, hasSelection: true })).toEqual({ kind: 'close-help' })
  })

  it('lets only its own keys act while the list is open', () => {
    expect(decideOperatorKey(press('3'), { ...page, helpOpen: true })).toBeNull()
    expect(decideOperatorKey(press('/'), { ...page, helpOpen: true })).toBeNull()
  })

  it('moves the timeline with [ ] and L, for viewers too, but not while typing or with a modifier', () => {
    expect(decideOperatorKey(press('['), page)).toEqual({ kind: 'timeline', move: 'back' })
    expect(decideOperatorKey(press(']', { targetTag: 'BUTTON' }), page)).toEqual({ kind: 'timeline', move: 'forward' })
    expect(decideOperatorKey(press('L'), page)).toEqual({ kind: 'timeline', move: 'live' })
    expect(decideOperatorKey(press('l'), page)).toEqual({ kind: 'timeline', move: 'live' })
    expect(decideOperatorKey(press('[', { targetTag: 'INPUT' }), page)).toBeNull()
    expect(decideOperatorKey(press('[', { ctrlKey: true }), page)).toBeNull()
  })

  it('switches to panel N with digit N, when there is one', () => {
    expect(decideOperatorKey(press('1'), page)).toEqual({ kind: 'switch-panel', index: 0 })
    expect(decideOperatorKey(press('3', { targetTag: 'BUTTON' }), page)).toEqual({ kind: 'switch-panel', index: 2 })
    expect(decideOperatorKey(press('9'), { ...page, panelCount: 8 })).toBeNull()
    expect(decideOperatorKey(press('0'), page)).toBeNull()
  })

  it('fits the map with f on the Map panel only', () => {
    expect(decideOperatorKey(press('f'), { ...page, activePanel: 'map' })).toEqual({ kind: 'fit-map' })
    expect(decideOperatorKey(press('f'), page)).toBeNull()
  })

  it('focuses the filter with /', () => {
    expect(decideOperatorKey(press('/'), { ...page, activePanel: 'agents' })).toEqual({ kind: 'focus-filter' })
  })

  it('deselects with Esc, unless the map is picking a tile or nothing is selected', () => {
    expect(decideOperatorKey(press('Escape'), { ...page, hasSelection: true })).toEqual({ kind: 'deselect' })
    expect(decideOperatorKey(press('Escape'), { ...page, hasSelection: true, picking: true })).toBeNull()
    expect(decideOperatorKey(press('Escape'), page)).toBeNull()
  })

  it('leaves keys typed into fields, chords and other dialogs alone', () => {
    for (const tag of ['INPUT', 'SELECT', 'TEXTAREA']) {
      for (const key of ['1', '?', 'f', '/', 'Escape']) expect(decideOperatorKey(press(key, { targetTag: tag }), { ...page, activePanel: 'map', hasSelection: true }), `${key} in ${tag}`).toBeNull()
    }
    expect(decideOperatorKey(press('2', { targetEditable: true }), page)).toBeNull()
    expect(decideOperatorKey(press('1', { ctrlKey: true }), page)).toBeNull()
    expect(decideOperatorKey(press('Escape'), { ...page, hasSelection: true, otherDialogOpen: true })).toBeNull()
  })
})

describe('the shortcut table', () => {
  it('gives every shortcut a label, a description and where it works, each key once', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys)
    expect(new Set(keys).size).toBe(keys.length)
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length)
    for (const s of SHORTCUTS) {
      expect(s.keys.length, s.id).toBeGreaterThan(0)
      for (const text of [s.label, s.description, s.where]) expect(text.trim(), s.id).not.toBe('')
    }
  })

  it('lists only keys that do something: every key of every entry is handled by a decision', () => {
    // The most permissive page for each: a selection to close, the map shown, an admin's paused clock.
    const ctx: KeyContext = { ...page, activePanel: 'map', hasSelection: true }
    for (const s of SHORTCUTS) {
      for (const key of s.keys) {
        const handled = decideShortcut(press(key), 'paused') !== null || decideOperatorKey(press(key), ctx) !== null
        expect(handled, `${s.label} (${JSON.stringify(key)})`).toBe(true)
      }
    }
    expect(shortcutForKey('x')).toBeNull()
  })
})

describe('toKeyPress', () => {
  it('reads the focused element and the modifiers off a keydown', () => {
    const event = { key: ' ', target: { tagName: 'button', isContentEditable: false }, ctrlKey: false, metaKey: true, altKey: false, repeat: true, preventDefault: () => undefined }
    expect(toKeyPress(event)).toEqual({ key: ' ', targetTag: 'BUTTON', targetEditable: false, ctrlKey: false, metaKey: true, altKey: false, repeat: true })
    expect(toKeyPress({ ...event, target: null }).targetTag).toBe('')
  })
})
