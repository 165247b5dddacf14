import { describe, expect, it } from 'vitest'
import { clampWindowState, MIN_HEIGHT, MIN_WIDTH, parseWindowState, type Rect } from './window-bounds'

const left: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
const right: Rect = { x: 1920, y: 0, width: 1280, height: 984 }

describe('parseWindowState', () => {
  it('reads a complete state', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1000,"height":700,"maximized":true}')).toEqual({
      x: 10, y: 20, width: 1000, height: 700, maximized: true
    })
  })

  it('accepts a state without a position', () => {
    expect(parseWindowState('{"width":1000,"height":700,"maximized":false}')).toEqual({ width: 1000, height: 700, maximized: false })
  })

  it.each([
    ['empty file', ''],
    ['not json', '{x:1'],
    ['null', 'null'],
    ['array', '[]'],
    ['missing size', '{"x":1,"y":2,"maximized":false}'],
    ['negative width', '{"width":-5,"height":700,"maximized":false}'],
    ['string width', '{"width":"1000","height":700,"maximized":false}'],
    ['x without y', '{"x":5,"width":1000,"height":700,"maximized":false}'],
    ['fraction', '{"width":1000.5,"height":700,"maximized":false}']
  ])('gives null for %s', (_label, text) => {
    expect(parseWindowState(text)).toBeNull()
  })
})

describe('clampWindowState', () => {
  it('keeps a window that fits on its display', () => {
    const s = { x: 100, y: 50, width: 1200, height: 800, maximized: false }
    expect(clampWindowState(s, [left, right])).toEqual(s)
  })

  it('keeps a window on the second display', () => {
    const s = { x: 2000, y: 10, width: 1000, height: 700, maximized: true }
    expect(clampWindowState(s, [left, right])).toEqual(s)
  })

  it('drops the position of a window left on a display that is gone', () => {
    const s = { x: 4000, y: 100, width: 1000, height: 700, maximized: false }
    expect(clampWindowState(s, [left])).toEqual({ width: 1000, height: 700, maximized: false })
  })

  it('pulls a window that hangs off the edge fully inside the display it overlaps most', () => {
    const s = { x: 1500, y: -50, width: 1000, height: 700, maximized: false }
    expect(clampWindowState(s, [left])).toEqual({ x: 920, y: 0, width: 1000, height: 700, maximized: false })
  })

  it('shrinks a window larger than its display', () => {
    const s = { x: 1920, y: 0, width: 3000, height: 2000, maximized: false }
    expect(clampWindowState(s, [left, right])).toEqual({ x: 1920, y: 0, width: 1280, height: 984, maximized: false })
  })

  it('enforces a minimum size', () => {
    const s = { x: 10, y: 10, width: 50, height: 20, maximized: false }
    expect(clampWindowState(s, [left])).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT })
  })

  it('fits a position-less window to the primary display', () => {
    expect(clampWindowState({ width: 5000, height: 5000, maximized: false }, [right, left])).toEqual({
      width: 1280, height: 984, maximized: false
    })
  })

  it('keeps the size but drops the position when no display is known', () => {
    expect(clampWindowState({ x: 5, y: 5, width: 900, height: 600, maximized: true }, [])).toEqual({
      width: 900, height: 600, maximized: true
    })
  })
})
