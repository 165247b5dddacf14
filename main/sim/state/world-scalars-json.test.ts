import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyMutation, expectReaderContract, expectRoundTrip, mutationOf } from '../snapshot/testing/json-mutations'
import { showerRoom } from '../testing/test-world'
import { tileCountOf, worldScalarsFromJSON, worldScalarsToJSON, type WorldScalarsJson } from './world-scalars-json'
import type { WorldState } from './world'

const price = fc.double({ min: -1e6, max: 1e6, noNaN: true })
const scalarsJson: fc.Arbitrary<WorldScalarsJson> = fc.record({
  tick: fc.nat(2 ** 31 - 1),
  prices: fc.record({ meal_cost: price, ingredients_cost: price, wage_income: price }),
  utilities: fc.record({ power: fc.boolean(), water: fc.boolean() }),
  counters: fc.record({ cooldown_events: fc.nat(), ghost_step_events: fc.nat(), rotation_events: fc.nat() }),
  totals: fc.record({ meals: fc.nat(), showers: fc.nat(), sleeps: fc.nat(), shifts_late: fc.nat() })
})
const write = (s: WorldScalarsJson) => worldScalarsToJSON(s as WorldState)

describe('world scalars JSON', () => {
  it('round-trips (property)', () => {
    fc.assert(fc.property(scalarsJson, (json) => void expectRoundTrip(worldScalarsFromJSON, write, json)), { numRuns: 200 })
  })

  it('names what is wrong by JSON path', () => {
    const good = worldScalarsToJSON(showerRoom(1, 2).state)
    expect(worldScalarsFromJSON({ ...good, tick: -1 })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^tick: /)] })
    expect(worldScalarsFromJSON({ ...good, prices: { ...good.prices, meal_cost: 1e300 } })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^prices\.meal_cost: /)] })
    expect(worldScalarsFromJSON({ ...good, utilities: { power: 1, water: true } })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^utilities\.power: /)] })
  })

  it('never throws on damaged scalars (property)', () => {
    const damaged = scalarsJson.chain((j) => mutationOf(j).map((m) => applyMutation(j, m)))
    fc.assert(fc.property(damaged, (json) => expectReaderContract(worldScalarsFromJSON, write, json)), { numRuns: 300 })
  })

  it('recounts people per tile as the engine keeps them', () => {
    const world = showerRoom(2, 6)
    expect(Array.from(tileCountOf(world.state.agents, world.params.map.width, world.params.map.height)!)).toEqual(Array.from(world.state.tileCount))
  })
})
