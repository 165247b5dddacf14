import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OpenSet } from './open-set'

describe('OpenSet', () => {
  it('pops by lower f, then lower h, then lower tile index, growing as needed', () => {
    const entry = fc.record({ tile: fc.nat(1000), f: fc.nat(50), h: fc.nat(50) })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 200 }), (entries) => {
        const open = new OpenSet(50, 100, 16)
        for (const e of entries) open.push(e.tile, e.f, e.h)
        const popped: number[] = []
        while (open.size > 0) popped.push(open.pop())
        const expected = [...entries].sort((a, b) => a.f - b.f || a.h - b.h || a.tile - b.tile).map((e) => e.tile)
        expect(popped).toEqual(expected)
        expect(open.pop()).toBe(-1)
      })
    )
  })

  it('is empty after clear', () => {
    const open = new OpenSet(10, 10)
    open.push(3, 1, 1)
    open.clear()
    expect(open.size).toBe(0)
    expect(open.pop()).toBe(-1)
  })

  it('refuses bounds whose packed key would not be exact', () => {
    expect(() => new OpenSet(2 ** 27, 2 ** 27)).toThrow(RangeError)
  })
})
