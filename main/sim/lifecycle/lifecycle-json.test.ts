import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyMutation, expectReaderContract, expectRoundTrip, mutationOf } from '../snapshot/testing/json-mutations'
import { lifecycleFromJSON, lifecycleToJSON, type LifecycleBounds, type LifecycleJson } from './lifecycle-json'
import { createLifecycleState } from './lifecycle-state'

const B: LifecycleBounds = { agents: 6, homes: 2, jobs: 2, workplaces: 1, tiles: 80 }
const read = (json: unknown) => lifecycleFromJSON(json, B)
const slot = fc.integer({ min: 0, max: B.agents - 1 })
const tick = fc.nat(100_000)
const slotRecord = <T>(arb: fc.Arbitrary<T>) => fc.dictionary(slot.map(String), arb, { maxKeys: B.agents })
const lifecycleJson: fc.Arbitrary<LifecycleJson> = fc.record({
  day: fc.nat(1000),
  starving: slotRecord(tick),
  pending: fc.array(fc.record({ agent: slot, reason: fc.constantFrom('faint' as const, 'eviction' as const), since: tick, blocked: fc.constantFrom('' as const, 'suppressed' as const, 'cooldown' as const, 'daily_cap' as const) }), { maxLength: 4 }),
  last_exit_tick: fc.integer({ min: -1, max: 100_000 }),
  exits_today: fc.nat(10),
  respawns: fc.array(
    fc.record({
      origin: fc.string({ maxLength: 6 }),
      left: fc.string({ maxLength: 8 }),
      home: fc.integer({ min: -1, max: B.homes - 1 }),
      home_tile: fc.integer({ min: -1, max: B.tiles - 1 }),
      job: fc.integer({ min: -1, max: B.jobs - 1 }),
      workplace: fc.integer({ min: -1, max: B.workplaces - 1 }),
      tile: fc.integer({ min: 0, max: B.tiles - 1 }),
      wallet: fc.double({ min: -100, max: 100, noNaN: true }),
      due: tick
    }),
    { maxLength: 4 }
  ),
  respawn_counts: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== '__proto__'), fc.nat(20), { maxKeys: 3 }),
  employment: fc.record({
    absences: slotRecord(fc.array(fc.nat(100), { maxLength: 4 })),
    queue: fc.array(fc.record({ agent: slot, job_id: fc.constantFrom('cook', 'clerk'), since: tick, approved: fc.boolean() }), { maxLength: 3 }),
    processed_today: fc.nat(5)
  }),
  totals: fc.record({ faint: fc.nat(), eviction: fc.nat(), respawns: fc.nat() })
})

describe('lifecycle JSON', () => {
  it('round-trips any lifecycle state (property)', () => {
    fc.assert(fc.property(lifecycleJson, (json) => void expectRoundTrip(read, lifecycleToJSON, json)), { numRuns: 150 })
  })

  it('names what is wrong by JSON path', () => {
    const good = lifecycleToJSON(createLifecycleState({} as never))
    const problems = (patch: Record<string, unknown>) => {
      const r = read({ ...good, ...patch })
      return r.ok ? [] : r.problems
    }
    expect(problems({ starving: { 6: 3 } })).toEqual(['lifecycle.starving["6"]: not an agent slot (0–5)'])
    expect(problems({ starving: { x: 3 } })).toEqual(['lifecycle.starving.x: not an agent slot (0–5)'])
    expect(problems({ pending: [{ agent: 9, reason: 'faint', since: 1, blocked: '' }] })).toEqual(['lifecycle.pending[0].agent: 9 is not an agent slot of this town (0–5)'])
    expect(problems({ pending: [{ agent: 1, reason: 'boredom', since: 1, blocked: '' }] })[0]).toMatch(/^lifecycle\.pending\[0\]\.reason: /)
    expect(problems({ day: 'x' })[0]).toMatch(/^lifecycle\.day: /)
  })

  it('never throws on damaged lifecycle state (property)', () => {
    const damaged = lifecycleJson.chain((j) => mutationOf(j).map((m) => applyMutation(j, m)))
    fc.assert(fc.property(damaged, (json) => expectReaderContract(read, lifecycleToJSON, json)), { numRuns: 300 })
  })
})
