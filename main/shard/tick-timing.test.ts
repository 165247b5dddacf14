import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TICK_HISTOGRAM_BOUNDS_MS, TickTiming } from './tick-timing'

describe('TickTiming', () => {
  it('keeps the last window for mean and max, and every tick in the histogram', () => {
    const t = new TickTiming(3)
    for (const ms of [1, 2, 3, 10]) t.record(ms)
    expect(t.view()).toEqual({ ticks: 3, mean_ms: 5, max_ms: 10 })
    const h = t.histogram()
    expect(h.count).toBe(4)
    expect(h.sum_ms).toBe(16)
    expect(h.cumulative[TICK_HISTOGRAM_BOUNDS_MS.indexOf(1)]).toBe(1)
    expect(h.cumulative[TICK_HISTOGRAM_BOUNDS_MS.indexOf(2.5)]).toBe(2)
    expect(h.cumulative[TICK_HISTOGRAM_BOUNDS_MS.indexOf(5)]).toBe(3)
    expect(h.cumulative[TICK_HISTOGRAM_BOUNDS_MS.indexOf(10)]).toBe(4)
  })

  it('buckets agree with counting by hand: cumulative, bounded above by the count, +Inf is every tick (property)', () => {
    const duration = fc.oneof(fc.double({ min: 0, max: 5000, noNaN: true }), fc.constantFrom(0, 0.05, 1, 1000, -1, Number.NaN, Number.POSITIVE_INFINITY))
    fc.assert(
      fc.property(fc.array(duration, { maxLength: 200 }), (list) => {
        const t = new TickTiming()
        for (const ms of list) t.record(ms)
        const h = t.histogram()
        const clean = list.map((ms) => (Number.isFinite(ms) && ms > 0 ? ms : 0))
        h.bounds_ms.forEach((le, i) => expect(h.cumulative[i]).toBe(clean.filter((ms) => ms <= le).length))
        expect(h.cumulative.at(-1)).toBe(list.length)
        expect(h.count).toBe(list.length)
        for (let i = 1; i < h.cumulative.length; i++) expect(h.cumulative[i]!).toBeGreaterThanOrEqual(h.cumulative[i - 1]!)
      })
    )
  })
})
