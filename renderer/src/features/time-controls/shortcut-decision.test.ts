import { describe, expect, it } from 'vitest'
import { decideShortcut } from './shortcut-decision'
import type { KeyPress } from './shortcut-decision'
import { speedOptions } from './speed-options'

function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, targetTag: 'BODY', targetEditable: false, ctrlKey: false, metaKey: false, altKey: false, repeat: false, ...extra }
}

describe('decideShortcut', () => {
  it('maps Space to start, pause or resume by state', () => {
    expect(decideShortcut(press(' '), 'idle')).toBe('start')
    expect(decideShortcut(press(' '), 'running')).toBe('pause')
    expect(decideShortcut(press(' '), 'paused')).toBe('resume')
  })

  it('maps . to step', () => {
    expect(decideShortcut(press('.'), 'paused')).toBe('step')
  })

  it('ignores keys typed into form fields or editable content', () => {
    for (const tag of ['INPUT', 'SELECT', 'TEXTAREA']) expect(decideShortcut(press(' ', { targetTag: tag }), 'idle')).toBeNull()
    expect(decideShortcut(press('.', { targetEditable: true }), 'idle')).toBeNull()
  })

  it('ignores Space and . while a button, link or summary has focus (Space presses it instead)', () => {
    for (const tag of ['BUTTON', 'A', 'SUMMARY']) {
      expect(decideShortcut(press(' ', { targetTag: tag }), 'running'), tag).toBeNull()
      expect(decideShortcut(press('.', { targetTag: tag }), 'paused'), tag).toBeNull()
    }
  })

  it('ignores modifiers, held keys, a failed or unknown shard and other keys', () => {
    expect(decideShortcut(press(' ', { ctrlKey: true }), 'idle')).toBeNull()
    expect(decideShortcut(press(' ', { repeat: true }), 'running')).toBeNull()
    expect(decideShortcut(press(' '), 'failed')).toBeNull()
    expect(decideShortcut(press('.'), null)).toBeNull()
    expect(decideShortcut(press('x'), 'idle')).toBeNull()
  })
})

describe('speedOptions', () => {
  const values = (tickMs: number | null, current: Parameters<typeof speedOptions>[1]) =>
    speedOptions(tickMs, current).map((o) => o.value)

  it('offers the presets and max', () => {
    expect(values(100, 10)).toEqual(['1', '4', '10', '30', '100', '1000', 'max'])
  })

  it('adds the config cadence and the current speed when they are not presets', () => {
    expect(values(50, 7)).toEqual(['1', '4', '7', '10', '20', '30', '100', '1000', 'max'])
    expect(speedOptions(50, 'max').find((o) => o.value === '20')?.label).toContain('config')
  })
})
