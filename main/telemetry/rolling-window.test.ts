import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RollingWindow } from './rolling-window'

/** The naive reference: every sample kept, the window re-counted from scratch on every question. */
class NaiveWindow {
  private readonly samples: { tick: number; values: number[] }[] = []
  constructor(
    private span: number,
    private readonly width: number
  ) {}
  add(tick: number, values: number[]): void {
    this.samples.push({ tick, values })
  }
  /** A restored window under another span: what the old one had already forgotten by `tick` stays forgotten. */
  respan(span: number, tick: number): void {
    this.forgotten = Math.max(this.forgotten, tick - this.span)
    this.span = span
  }
  private forgotten = -Infinity
  private live(tick: number) {
    return this.samples.filter((s) => s.tick > tick - this.span && s.tick > this.forgotten)
  }
  sum(tick: number, k: number): number {
    return this.live(tick).reduce((total, s) => total + (s.values[k] ?? 0), 0)
  }
  ticks(tick: number): number[] {
    const live = this.live(tick).filter((s) => s.values.some((v) => v !== 0)).map((s) => s.tick)
    return [...new Set(live)]
  }
}

/** A tick stream: gaps of 0 (several samples in one tick) up to well past the span (the window empties). */
const gap = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 80 }) })
const counts = (width: number) => fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -5, max: 1_000 })), { minLength: width, maxLength: width })
const reals = (width: number) => fc.array(fc.oneof(fc.constant(0), fc.double({ min: -50, max: 50, noNaN: true })), { minLength: width, maxLength: width })

/** `add` with a row of any width up to 7. */
function addRow(w: RollingWindow, tick: number, values: readonly number[]): void {
  w.add(tick, values[0] ?? 0, values[1], values[2], values[3], values[4], values[5], values[6])
}

function drive(w: RollingWindow, naive: NaiveWindow, t: number, dt: number, values: number[]): number {
  const tick = t + dt
  w.prune(tick)
  addRow(w, tick, values)
  naive.add(tick, values)
  return tick
}

describe('RollingWindow', () => {
  it('whole numbers: sums exactly the last `span` ticks, like a naive recount, through roll-over and a restore (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 7 }).chain((width) => fc.tuple(fc.constant(width), fc.array(fc.tuple(gap, counts(width)), { maxLength: 400 }))),
        fc.nat(),
        fc.option(fc.integer({ min: 1, max: 64 })),
        (span, [width, steps], restoreAt, newSpan) => {
          let w = new RollingWindow(span, width)
          const naive = new NaiveWindow(span, width)
          const cut = steps.length === 0 ? 0 : restoreAt % steps.length
          let t = 0
          steps.forEach(([dt, values], i) => {
            if (i === cut) {
              // Restored mid-stream from the JSON text, maybe under a changed span.
              w = RollingWindow.fromJSON(JSON.parse(JSON.stringify(w.toJSON())), newSpan ?? span)
              naive.respan(newSpan ?? span, t)
            }
            t = drive(w, naive, t, dt, values)
            for (let k = 0; k < width; k++) expect(w.sum(k)).toBe(naive.sum(t, k))
            expect(w.ticks()).toEqual(naive.ticks(t))
          })
        }
      ),
      { numRuns: 300 }
    )
  })

  it('fractions: stays within rounding of a naive recount at any length (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.tuple(gap, reals(3)), { maxLength: 500 }), (span, steps) => {
        const w = new RollingWindow(span, 3)
        const naive = new NaiveWindow(span, 3)
        let t = 0
        let magnitude = 0
        for (const [dt, values] of steps) {
          t = drive(w, naive, t, dt, values)
          magnitude = Math.max(magnitude, ...values.map(Math.abs))
          for (let k = 0; k < 3; k++) expect(Math.abs(w.sum(k) - naive.sum(t, k))).toBeLessThanOrEqual(1e-9 * Math.max(1, magnitude * span))
        }
      }),
      { numRuns: 200 }
    )
  })

  it('a window restored from JSON mid-stream carries on bit for bit as the original (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.tuple(gap, reals(3)), { minLength: 1, maxLength: 300 }), fc.nat(), (span, steps, at) => {
        const original = new RollingWindow(span, 3)
        const cut = at % steps.length
        let copy: RollingWindow | undefined
        let t = 0
        steps.forEach(([dt, values], i) => {
          if (i === cut) copy = RollingWindow.fromJSON(JSON.parse(JSON.stringify(original.toJSON())))
          t += dt
          for (const w of copy ? [original, copy] : [original]) {
            w.prune(t)
            addRow(w, t, values)
          }
          if (copy) expect(copy.toJSON()).toEqual(original.toJSON())
        })
      }),
      { numRuns: 200 }
    )
  })

  it('a long run of fractions does not drift: re-summed once per span', () => {
    const span = 50
    const w = new RollingWindow(span, 1)
    const naive: number[] = []
    for (let t = 1; t <= 20_000; t++) {
      const v = (t % 7) * 0.1 + 1e6 * (t % 2)
      w.prune(t)
      w.add(t, v)
      naive.push(v)
    }
    const exact = naive.slice(-span).reduce((s, x) => s + x, 0)
    expect(Math.abs(w.sum() - exact)).toBeLessThan(1e-6)
  })

  it('keeps the cost per tick flat as the span grows (no re-summing of the window)', () => {
    const timeFor = (span: number) => {
      const w = new RollingWindow(span, 7)
      const t0 = performance.now()
      for (let t = 1; t <= 60_000; t++) {
        w.prune(t)
        w.add(t, 10, 7, 1, 0, 2, 3, 0)
      }
      return performance.now() - t0
    }
    timeFor(100)
    // 1,000× the span: a re-summing window would be ~1,000× slower; allow generous noise.
    expect(timeFor(20_000)).toBeLessThan(20 * Math.max(timeFor(20), 10))
  })

  it('replaces saved sums that disagree with the buckets (a hand-edited file)', () => {
    const w = RollingWindow.fromJSON({ span: 10, width: 1, buckets: [[3, 2], [4, 5]], sums: [99] })
    expect(w.sum()).toBe(7)
    w.prune(13)
    expect(w.sum()).toBe(5)
  })

  it('refuses a window wider than add takes (the snapshot schema bounds it the same)', () => {
    expect(() => new RollingWindow(10, 8)).toThrow(RangeError)
    expect(new RollingWindow(10, 7).width).toBe(7)
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
