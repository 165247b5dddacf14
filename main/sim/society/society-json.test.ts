import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PROFILE_NAMES } from '../../config/sections/society'
import { applyMutation, expectReaderContract, expectRoundTrip, mutationOf } from '../snapshot/testing/json-mutations'
import { societyFromJSON, societyToJSON, type SocietyBounds, type SocietyJson } from './society-json'
import { societyTown } from './testing/society-town'
import { adjustTie } from './tie-ledger'

const AGENTS = 5
const BOUNDS: SocietyBounds = { agents: AGENTS, objects: 4, config: { ties: { max_per_agent: 3, removal_floor: 0.01, trust_decay_per_tick: 0, familiarity_decay_per_tick: 0 }, rivalry: { increment_per_conflict: 0.1, ghost_step_boost: 1, handover_boost: 1, decay_per_tick: 0, min_value: 0, max_value: 1, avoid_threshold: 0.7 } } }
const read = (json: unknown) => societyFromJSON(json, BOUNDS)

const trait = fc.double({ min: -1, max: 1, noNaN: true })
const ledger = fc.shuffledSubarray([0, 1, 2, 3, 4], { maxLength: 3 }).chain((others) =>
  fc.tuple(...others.map((o) => fc.tuple(fc.constant(o), trait, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })))).map((ties) => ties.flat())
)
const record = fc.record({ tick: fc.nat(10_000), agent_id: fc.string({ maxLength: 6 }), other: fc.string({ maxLength: 6 }), value: fc.double({ min: 0, max: 1, noNaN: true }), delta: fc.double({ min: -1, max: 1, noNaN: true }), reason: fc.constantFrom('ghost_step', 'handover') })
const societyJson: fc.Arbitrary<SocietyJson> = fc.integer({ min: 0, max: AGENTS }).chain((m) => {
  const each = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: m, maxLength: m })
  return fc
    .record({
      profile: each(fc.integer({ min: 0, max: PROFILE_NAMES.length - 1 })),
      extroversion: each(trait),
      forgiveness: each(trait),
      ambition: each(trait),
      chat_ready_at: each(fc.nat(5000)),
      ties: each(ledger),
      contention: fc.oneof(fc.constant<number[]>([]), fc.array(fc.nat(50), { minLength: 4, maxLength: 4 })),
      counters: fc.record({ rivalry_events: fc.nat(), chat_success: fc.nat(), chat_failure: fc.nat(), avoidances: fc.nat(), ties_removed: fc.nat(), queue_conflicts: fc.nat() }),
      recent: fc.array(record, { maxLength: 32 })
    })
    .map((s) => ({ agents: m, ...s, tie_count: s.ties.reduce((t, l) => t + l.length / 4, 0) }))
})

describe('society JSON', () => {
  it('round-trips any society the town allows (property)', () => {
    fc.assert(fc.property(societyJson, (json) => void expectRoundTrip(read, societyToJSON, json)), { numRuns: 150 })
  })

  it('round-trips a real town with ties', () => {
    const world = societyTown(3)
    adjustTie(world, 2, 0, { trust: 0.3, familiarity: 0.2, rivalry: 0.4 })
    const bounds = { agents: world.state.agents.count, objects: world.state.objects.count, config: world.params.config.society }
    expect(expectRoundTrip((j) => societyFromJSON(j, bounds), societyToJSON, societyToJSON(world.state.society))).toEqual(world.state.society)
  })

  it('names what is wrong by JSON path', () => {
    const [good] = fc.sample(societyJson.filter((s) => s.agents >= 2 && s.ties[1]!.length > 0), { numRuns: 1, seed: 5 }) as [SocietyJson]
    const problems = (patch: Partial<SocietyJson>) => {
      const r = read({ ...good, ...patch })
      return r.ok ? [] : r.problems
    }
    expect(problems({ agents: AGENTS + 1 })).toEqual([`society.agents: expected an integer from 0 to ${AGENTS}, got ${AGENTS + 1}`])
    expect(problems({ tie_count: good.tie_count + 1 })).toEqual([`society.tie_count: ${good.tie_count + 1}, but the ledgers hold ${good.tie_count} ties`])
    expect(problems({ ties: good.ties.map((l, i) => (i === 1 ? [AGENTS, ...l.slice(1)] : l)) })[0]).toMatch(/^society\.ties\[1\]\[0\]: expected an agent slot from 0 to 4/)
    expect(problems({ ties: good.ties.map((l, i) => (i === 1 ? [...l, ...l] : l)) })[0]).toMatch(/^society\.ties\[1\]: |a second tie/)
    expect(problems({ extroversion: good.extroversion.map(() => 2) })).toEqual(['society.extroversion[0]: expected a number from -1 to 1, got 2'])
    expect(problems({ contention: [1, 2, 3, 4, 5] })).toEqual(['society.contention: 5 entries, at most 4 fit'])
  })

  it('never throws on damaged society state (property)', () => {
    const damaged = societyJson.chain((j) => mutationOf(j).map((m) => applyMutation(j, m)))
    fc.assert(fc.property(damaged, (json) => expectReaderContract(read, societyToJSON, json)), { numRuns: 300 })
  })
})
