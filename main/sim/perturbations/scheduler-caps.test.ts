/**
 * Property: whatever the config, random draws keep every cap — never more active than
 * max_concurrent, never two starts of a spec within its cooldown (counted from the end of the
 * last), random starts at least global_cooldown_ticks apart, at most max_events_per_window (and
 * each bucket's share) within any window, and starts only inside a spec's time-of-day window.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inWindow, tickOfClock, tickOfDay } from '../time/clock'
import { ofType, perturbedTown } from './testing/perturbed-town'
import { tick } from '../tick'

const TICKS = 1200
const KINDS = ['price_spike', 'power_outage', 'water_outage', 'arranged_meet'] as const
const hhmm = (h: number) => `${String(h).padStart(2, '0')}:00`

const specArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  probability_per_day: fc.integer({ min: 1, max: 60 }),
  cooldown_ticks: fc.integer({ min: 0, max: 200 }),
  duration: fc.tuple(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 80 })).map(([a, b]) => [a, a + b]),
  window: fc.option(
    fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 23 })).map(([s, len]) => [hhmm(s), hhmm((s + len) % 24)]),
    { nil: undefined }
  )
})

const configArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  max_concurrent: fc.integer({ min: 1, max: 3 }),
  global_cooldown_ticks: fc.integer({ min: 0, max: 60 }),
  window_ticks: fc.integer({ min: 30, max: 600 }),
  max_events_per_window: fc.integer({ min: 2, max: 6 }),
  specs: fc.array(specArb, { minLength: 1, maxLength: 4 }),
  share: fc.option(fc.double({ min: 0.5, max: 1, noNaN: true }), { nil: undefined })
})

type Generated = typeof configArb extends fc.Arbitrary<infer T> ? T : never

function sectionOf(c: Generated): { yaml: string; specs: Record<string, Generated['specs'][number]>; bucket: string[] } {
  const specs = Object.fromEntries(c.specs.map((s, i) => [`s${i}`, s]))
  const events = Object.fromEntries(
    Object.entries(specs).map(([name, s]) => [
      name,
      {
        ...s,
        window: s.window,
        ...(s.kind === 'price_spike' ? { targets: ['market'], magnitude: [1.1, 2] } : {}),
        ...(s.kind === 'arranged_meet' ? { location: 'stove', participants: 2 } : {})
      }
    ])
  )
  for (const e of Object.values(events)) if (e.window === undefined) delete e.window
  const bucket = c.share !== undefined && c.specs.length >= 2 ? ['s0', 's1'] : []
  const fairness = bucket.length ? { buckets: { first: { specs: bucket, share: c.share } } } : { buckets: {} }
  const section = { max_concurrent: c.max_concurrent, global_cooldown_ticks: c.global_cooldown_ticks, window_ticks: c.window_ticks, max_events_per_window: c.max_events_per_window, fairness, events }
  return { yaml: Object.entries(section).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n'), specs, bucket }
}

describe('random draws keep every cap (property)', () => {
  it('holds for random configs and seeds', () => {
    // Not vacuous: the runs start plenty of events and fill the concurrency cap now and then.
    let total = 0
    let full = 0
    fc.assert(
      fc.property(configArb, (c) => {
        const { yaml, specs, bucket } = sectionOf(c)
        const w = perturbedTown(yaml, { seed: c.seed })
        const starts: { tick: number; spec: string; id: string }[] = []
        const ends = new Map<string, number>()
        for (let t = 0; t < TICKS; t++) {
          const events = tick(w, { decisions: [], console: [] })
          for (const e of ofType(events, 'perturbation_started')) starts.push({ tick: e.tick, spec: e.spec as string, id: e.event_id as string })
          for (const e of ofType(events, 'perturbation_ended')) ends.set(e.event_id as string, e.tick)
          expect(w.state.perturbations.active.length).toBeLessThanOrEqual(c.max_concurrent)
          if (c.max_concurrent > 1 && w.state.perturbations.active.length === c.max_concurrent) full++
        }
        total += starts.length
        const tpd = w.params.clock.ticksPerDay
        starts.forEach((s, i) => {
          const spec = specs[s.spec]!
          const previous = starts.slice(0, i).filter((p) => p.spec === s.spec).at(-1)
          if (previous) {
            expect(ends.has(previous.id)).toBe(true)
            expect(s.tick).toBeGreaterThanOrEqual(ends.get(previous.id)! + spec.cooldown_ticks)
            expect(s.tick - previous.tick).toBeGreaterThanOrEqual(spec.cooldown_ticks)
          }
          if (i > 0) expect(s.tick - starts[i - 1]!.tick).toBeGreaterThanOrEqual(c.global_cooldown_ticks)
          const inWin = starts.filter((p) => p.tick > s.tick - c.window_ticks && p.tick <= s.tick)
          expect(inWin.length).toBeLessThanOrEqual(c.max_events_per_window)
          if (bucket.length) expect(inWin.filter((p) => bucket.includes(p.spec)).length).toBeLessThanOrEqual(Math.floor(c.share! * c.max_events_per_window))
          if (spec.window) expect(inWindow(tickOfDay(w.params.clock, s.tick), tickOfClock(spec.window[0]!, tpd), tickOfClock(spec.window[1]!, tpd))).toBe(true)
        })
      }),
      { numRuns: 30, seed: 20261124 }
    )
    expect(total).toBeGreaterThan(200)
    expect(full).toBeGreaterThan(0)
  })
})
