import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyMutation, expectReaderContract, expectRoundTrip, mutationOf } from '../snapshot/testing/json-mutations'
import { REWARD_COMPONENTS, type RewardComponent } from './reward-components'
import { rewardsFromJSON, rewardsToJSON, type RewardsJson } from './rewards-json'

const AGENTS = 6
const read = (json: unknown) => rewardsFromJSON(json, AGENTS)
const money = fc.double({ min: -1000, max: 1000, noNaN: true })
const tickOrNone = fc.integer({ min: -1, max: 100_000 })
const rewardsJson: fc.Arbitrary<RewardsJson> = fc.integer({ min: 0, max: AGENTS }).chain((m) => {
  const each = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: m, maxLength: m })
  return fc.record({
    tick: fc.nat(100_000),
    wages_seen: each(money),
    episode: each(money),
    guard_until: each(tickOrNone),
    exited_at: each(tickOrNone),
    total: each(money),
    components: fc.record(Object.fromEntries(REWARD_COMPONENTS.map((c) => [c, each(money)])) as Record<RewardComponent, fc.Arbitrary<number[]>>),
    successor_guard: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== '__proto__'), tickOrNone, { maxKeys: 3 })
  })
})

describe('rewards JSON', () => {
  it('round-trips any rewards state (property)', () => {
    fc.assert(fc.property(rewardsJson, (json) => void expectRoundTrip(read, rewardsToJSON, json)), { numRuns: 150 })
  })

  it('names what is wrong by JSON path', () => {
    const [good] = fc.sample(rewardsJson.filter((r) => r.total.length === 3), { numRuns: 1, seed: 1 }) as [RewardsJson]
    const problems = (patch: Partial<RewardsJson>) => {
      const r = read({ ...good, ...patch })
      return r.ok ? [] : r.problems
    }
    expect(problems({ total: [0, 0, 0, 0, 0, 0, 0] })[0]).toBe('rewards.total: 7 entries, at most 6 fit')
    expect(problems({ components: { ...good.components, wage: [1] } })).toEqual(['rewards.components.wage: 1 entries, expected 3'])
    expect(problems({ guard_until: [0, -2, 0] })).toEqual(['rewards.guard_until[1]: expected an integer from -1 to 2147483647, got -2'])
  })

  it('never throws on damaged rewards state (property)', () => {
    const damaged = rewardsJson.chain((j) => mutationOf(j).map((m) => applyMutation(j, m)))
    fc.assert(fc.property(damaged, (json) => expectReaderContract(read, rewardsToJSON, json)), { numRuns: 300 })
  })
})
