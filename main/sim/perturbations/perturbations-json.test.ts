import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PERTURBATION_KINDS } from '../../config/sections/perturbations'
import { applyMutation, expectReaderContract, expectRoundTrip, mutationOf } from '../snapshot/testing/json-mutations'
import { perturbationsFromJSON, perturbationsToJSON, type PerturbationsJson } from './perturbations-json'
import type { PendingEvent } from './perturbations-state'
import { perturbedTown } from './testing/perturbed-town'

const tick = fc.nat(100_000)
const id = fc.nat(999).map((n) => `evt_${n}`)
const kind = fc.constantFrom(...PERTURBATION_KINDS)
const origin = fc.constantFrom('random' as const, 'scheduled' as const, 'console' as const)
const names = fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 })
const magnitude = fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null })
const spec = fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: null })
const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== '__proto__')
const pending: fc.Arbitrary<PendingEvent> = fc.record({ id, spec, kind, origin, starts_at: tick, duration: fc.option(fc.nat(500), { nil: null }), magnitude, targets: fc.option(names, { nil: null }), location: fc.option(fc.string({ maxLength: 6 }), { nil: null }) })
const perturbationsJson: fc.Arbitrary<PerturbationsJson> = fc.record({
  next_id: fc.integer({ min: 1, max: 1000 }),
  seq: fc.nat(1000),
  pending: fc.array(pending, { maxLength: 4 }).map((list) => list.sort((a, b) => a.starts_at - b.starts_at)),
  active: fc.array(fc.record({ id, spec, kind, origin, started_at: tick, ends_at: tick, magnitude, targets: names, object_id: fc.option(fc.string({ maxLength: 6 }), { nil: null }), seq: fc.nat(100), cancelled: fc.boolean() }), { maxLength: 3 }),
  recent: fc.array(fc.record({ id, kind, targets: names, ended_at: tick }), { maxLength: 3 }),
  spec_cooldowns: fc.dictionary(key, tick, { maxKeys: 3 }),
  agent_cooldowns: fc.dictionary(key, tick, { maxKeys: 3 }),
  next_random_at: tick,
  window: fc.array(fc.record({ tick, spec }), { maxLength: 4 }),
  baseline: fc.record({ prices: fc.record({ meal_cost: fc.double({ min: 0, max: 10, noNaN: true }), ingredients_cost: fc.double({ min: 0, max: 10, noNaN: true }), wage_income: fc.double({ min: 0, max: 10, noNaN: true }) }), utilities: fc.record({ power: fc.boolean(), water: fc.boolean() }) }),
  rebased: fc.dictionary(fc.constantFrom('meal_cost', 'ingredients_cost', 'wage_income', 'power', 'water'), fc.nat(100), { maxKeys: 5 })
})

describe('perturbations JSON', () => {
  it('round-trips any scheduler state (property)', () => {
    fc.assert(fc.property(perturbationsJson, (json) => void expectRoundTrip((j) => perturbationsFromJSON(j), perturbationsToJSON, json)), { numRuns: 150 })
  })

  it('round-trips a town with scheduled events', () => {
    const world = perturbedTown('events:\n  blackout: { kind: power_outage, duration: 10 }\nscheduled:\n  - { spec: blackout, at_tick: 5 }')
    expect(world.state.perturbations.pending).toHaveLength(1)
    expect(expectRoundTrip((j) => perturbationsFromJSON(j), perturbationsToJSON, perturbationsToJSON(world.state.perturbations))).toEqual(world.state.perturbations)
  })

  it('names what is wrong by JSON path', () => {
    const [good] = fc.sample(perturbationsJson.filter((p) => p.pending.length >= 2 && p.pending[0]!.starts_at < p.pending[1]!.starts_at), { numRuns: 1, seed: 2 }) as [PerturbationsJson]
    const problems = (patch: Partial<PerturbationsJson>) => {
      const r = perturbationsFromJSON({ ...good, ...patch })
      return r.ok ? [] : r.problems
    }
    expect(problems({ pending: [...good.pending].reverse() })[0]).toMatch(/^perturbations\.pending\[\d\]: pending events must be in start order/)
    expect(problems({ active: [{ ...good.active[0]!, kind: 'meteor' } as never] })[0]).toMatch(/^perturbations\.active\[0\]\.kind: /)
    expect(problems({ rebased: { gold: 1 } as never })[0]).toMatch(/^perturbations\.rebased/)
    expect(problems({ next_id: 0 })[0]).toMatch(/^perturbations\.next_id: /)
  })

  it('never throws on damaged scheduler state (property)', () => {
    const damaged = perturbationsJson.chain((j) => mutationOf(j).map((m) => applyMutation(j, m)))
    fc.assert(fc.property(damaged, (json) => expectReaderContract((j) => perturbationsFromJSON(j), perturbationsToJSON, json)), { numRuns: 300 })
  })
})
