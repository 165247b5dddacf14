import { describe, expect, it } from 'vitest'
import { formatFixed, formatSigned } from './format'
import { sortedByMagnitude } from './signed-bars'
import { barGeometry } from './value-bar'

describe('value bars', () => {
  it('grows unsigned bars from the left and signed ones from the middle, clamped', () => {
    expect(barGeometry(0.5, 1, false)).toEqual({ left: 0, width: 50 })
    expect(barGeometry(2, 1, false)).toEqual({ left: 0, width: 100 })
    expect(barGeometry(-0.5, 1, false)).toEqual({ left: 0, width: 0 })
    expect(barGeometry(0.5, 1, true)).toEqual({ left: 50, width: 25 })
    expect(barGeometry(-1, 2, true)).toEqual({ left: 25, width: 25 })
    expect(barGeometry(Number.NaN, 1, true)).toEqual({ left: 50, width: 0 })
  })

  it('orders named values by magnitude and scales to the largest', () => {
    expect(sortedByMagnitude({ a: 0.1, b: -0.3, c: 0.2 })).toEqual({
      entries: [
        ['b', -0.3],
        ['c', 0.2],
        ['a', 0.1]
      ],
      scale: 0.3
    })
    expect(sortedByMagnitude({}).scale).toBe(1)
  })

  it('formats signed and fixed figures', () => {
    expect(formatSigned(0.1)).toBe('+0.10')
    expect(formatSigned(-0.05)).toBe('-0.05')
    expect(formatSigned(-0.0001)).toBe('0.00')
    expect(formatSigned(0.0004, 3)).toBe('0.000')
    expect(formatFixed(null)).toBe('—')
    expect(formatFixed(0.5)).toBe('0.50')
  })
})
