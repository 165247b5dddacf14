import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../hash/canonical-json'
import { applyMutation, expectReaderContract, expectRoundTrip, mutationOf } from '../snapshot/testing/json-mutations'
import { showerRoom } from '../testing/test-world'
import { objectsFromJSON, objectsToJSON, type ObjectsJson } from './object-json'

const world = showerRoom(3, 4)
const base = world.state.objects
const BOUNDS = { agents: 4, affordances: world.registry.affordances.length }
const n = base.count
const read = (json: unknown) => objectsFromJSON(json, base, BOUNDS)

const slots = fc.shuffledSubarray([0, 1, 2, 3])
const pairs = (sorted: boolean) => slots.chain((agents) => fc.tuple(...agents.map(() => fc.nat(100_000))).map((ticks) => {
  const list = agents.map((a, i): [number, number] => [a, ticks[i]!])
  return sorted ? list.sort((x, y) => x[0] - y[0]) : list
}))
const perObject = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: n, maxLength: n })
const objectsJson: fc.Arbitrary<ObjectsJson> = fc.record({
  ids: fc.constant(base.ids.slice()),
  stock: perObject(fc.dictionary(fc.constantFrom('meals', 'ingredients', 'soap'), fc.integer({ min: 0, max: 50 }))),
  holder: perObject(fc.integer({ min: -1, max: 3 })),
  stall: perObject(fc.nat(20)),
  queue: perObject(pairs(false)),
  cooldowns: perObject(pairs(true)),
  running: perObject(fc.integer({ min: -1, max: BOUNDS.affordances - 1 })),
  remaining: perObject(fc.nat(30)),
  charged: perObject(fc.double({ min: -100, max: 100, noNaN: true }))
})

describe('objects JSON', () => {
  it('round-trips any object state the town allows (property)', () => {
    fc.assert(fc.property(objectsJson, (json) => void expectRoundTrip(read, objectsToJSON, json)), { numRuns: 150 })
  })

  it('copies placement from the fresh store and never changes it', () => {
    const before = canonicalJson({ ...objectsToJSON(base), x: Array.from(base.x), tiles: base.useTiles })
    const [json] = fc.sample(objectsJson, { numRuns: 1, seed: 3 })
    const back = read(json)
    expect(back.ok).toBe(true)
    if (!back.ok) return
    expect(back.value.types).toEqual(base.types)
    expect(back.value.useTiles).toEqual(base.useTiles)
    expect(back.value.holder).not.toBe(base.holder)
    back.value.useTiles[0]!.push(99)
    expect(canonicalJson({ ...objectsToJSON(base), x: Array.from(base.x), tiles: base.useTiles })).toBe(before)
  })

  it('names what is wrong by JSON path', () => {
    const good = objectsToJSON(base)
    const problems = (patch: Partial<ObjectsJson>) => {
      const r = read({ ...good, ...patch })
      return r.ok ? [] : r.problems
    }
    expect(problems({ ids: ['a'] })[0]).toMatch(/^objects\.ids: the saved objects are not this town's/)
    expect(problems({ holder: good.holder.map(() => 4) })).toEqual(['objects.holder[0]: expected an integer from -1 to 3, got 4'])
    expect(problems({ running: good.running.map(() => BOUNDS.affordances) })[0]).toMatch(/^objects\.running\[0\]/)
    expect(problems({ queue: good.queue.map((q, i) => (i === 1 ? [[0, 1], [0, 2]] : q)) })).toEqual(['objects.queue[1][1]: agent slot 0 is listed twice'])
    expect(problems({ cooldowns: good.cooldowns.map((q, i) => (i === 0 ? [[2, 1], [1, 2]] : q)) })).toEqual(['objects.cooldowns[0][1]: entries must be in slot order'])
    expect(problems({ stock: good.stock.map((s, i) => (i === 0 ? { meals: 'x' as never } : s)) })).toEqual(['objects.stock[0].meals: expected a stock count, got "x"'])
    expect(problems({ charged: good.charged.slice(1) })).toEqual([`objects.charged: ${n - 1} entries, expected ${n}`])
  })

  it('never throws on damaged object state (property)', () => {
    const damaged = objectsJson.chain((j) => mutationOf(j).map((m) => applyMutation(j, m)))
    fc.assert(fc.property(damaged, (json) => expectReaderContract(read, objectsToJSON, json)), { numRuns: 300 })
  })
})
