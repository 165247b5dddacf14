import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fractionOf, leftOf, pointerFraction, tickAt } from './scrubber-geometry'

describe('scrubber geometry', () => {
  it('places ticks linearly from earliest to live, clamped', () => {
    const span = { earliest: 100, live: 300 }
    expect(fractionOf(span, 200)).toBe(0.5)
    expect(fractionOf(span, 50)).toBe(0)
    expect(fractionOf(span, 900)).toBe(1)
    expect(fractionOf({ earliest: 5, live: 5 }, 5)).toBe(1)
    expect(leftOf(span, 150)).toBe('25%')
    expect(pointerFraction(150, { left: 100, width: 200 })).toBe(0.25)
    expect(pointerFraction(150, { left: 100, width: 0 })).toBe(1)
  })

  it('maps every tick of the span back to itself', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(100_000), fc.double({ min: 0, max: 1, noNaN: true }), (earliest, width, f) => {
        const span = { earliest, live: earliest + width }
        const tick = tickAt(span, f)
        expect(tick).toBeGreaterThanOrEqual(span.earliest)
        expect(tick).toBeLessThanOrEqual(span.live)
        expect(tickAt(span, fractionOf(span, tick))).toBe(tick)
      })
    )
    expect(tickAt({ earliest: 0, live: 10 }, Number.NaN)).toBe(10)
  })
})
