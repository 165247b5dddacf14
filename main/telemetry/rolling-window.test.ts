import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RollingWindow } from './rolling-window'

describe('RollingWindow', () => {
  it('sums exactly the last `span` ticks, like a naive recount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 4 })), { maxLength: 200 }), (span, steps) => {
        const w = new RollingWindow(span, 2)
        const seen: [number, number, number][] = []
        let t = 0
        for (const [dt, a, b] of steps) {
          t += dt
          w.prune(t)
          w.add(t, a, b)
          seen.push([t, a, b])
          const live = seen.filter(([s]) => s > t - span)
          expect(w.sum(0)).toBe(live.reduce((s, [, x]) => s + x, 0))
          expect(w.sum(1)).toBe(live.reduce((s, [, , y]) => s + y, 0))
        }
      })
    )
  })

  it('round-trips through JSON bit for bit', () => {
    const w = new RollingWindow(5, 1)
    for (let t = 1; t <= 12; t++) {
      w.prune(t)
      w.add(t, 0.1 * t)
    }
    const back = RollingWindow.fromJSON(JSON.parse(JSON.stringify(w.toJSON())))
    w.prune(13)
    back.prune(13)
    w.add(13, 0.3)
    back.add(13, 0.3)
    expect(back.sum()).toBe(w.sum())
    expect(back.ticks()).toEqual([9, 10, 11, 12, 13])
  })
})
