import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AGENT_PHASES, ObserverFrameSchema, SHIFT_STATES, type AgentRow, type ObjectRow, type ObserverFrame, type ObserverFullRows } from './observer'
import { decodeObserverFrame, type DecoderState } from './observer-decode'
import { namesFromRows, ObserverRowsEncoder } from './observer-encode'
import { AGENT_OPTIONS } from './world-summary'
import { sampleObserverFull, sampleObserverFullRows } from '../../testing/contract-samples'

const HOMES = ['home_1', 'home_2', 'home_3']
const JOBS = ['day', 'early']
const ACTIONS = ['eat_meal', 'rest_sleep', 'work_shift']
const OBJECTS = ['fridge_1', 'bed_1', 'desk_1', 'stove_1']
const REASONS = ['', '', 'blocked', 'queue_full', 'no stock']

const agentArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    x: fc.nat(200),
    y: fc.nat(200),
    hunger: fc.nat(1000).map((v) => v / 1000),
    hygiene: fc.nat(1000).map((v) => v / 1000),
    energy: fc.nat(1000).map((v) => v / 1000),
    wallet: fc.integer({ min: -100_000, max: 100_000 }).map((v) => v / 100),
    option: fc.constantFrom(...AGENT_OPTIONS),
    phase: fc.constantFrom(...AGENT_PHASES),
    target: fc.option(fc.constantFrom(...OBJECTS)),
    action: fc.option(fc.constantFrom(...ACTIONS)),
    queue_pos: fc.option(fc.nat(20)),
    home: fc.option(fc.constantFrom(...HOMES)),
    job: fc.option(fc.constantFrom(...JOBS)),
    shift: fc.constantFrom(...SHIFT_STATES),
    fail_reason: fc.constantFrom(...REASONS)
  }) satisfies fc.Arbitrary<AgentRow>

const objectArb = (id: string, agents: readonly string[]) =>
  fc.record({
    id: fc.constant(id),
    type: fc.constant(id.split('_')[0]!),
    x: fc.nat(50),
    y: fc.nat(50),
    home: fc.option(fc.constantFrom(...HOMES)),
    workplace: fc.constant(null),
    holder: agents.length > 0 ? fc.option(fc.constantFrom(...agents)) : fc.constant(null),
    queue: agents.length > 0 ? fc.uniqueArray(fc.constantFrom(...agents), { maxLength: 4 }) : fc.constant([]),
    running: fc.option(fc.constantFrom(...ACTIONS)),
    remaining: fc.nat(500),
    stock: fc.dictionary(fc.constantFrom('meals', 'ingredients'), fc.nat(30))
  }) satisfies fc.Arbitrary<ObjectRow>

/** Through the socket and the page's entry: JSON text, then the contract's schema. */
function overTheWire(frame: ObserverFrame): ObserverFrame {
  return ObserverFrameSchema.parse(JSON.parse(JSON.stringify(frame)))
}

/** An object's statics (type, place, home) belong to the town: a diff changes only what happens at it. */
const dynamicOf = (fixed: ObjectRow, next: ObjectRow): ObjectRow => ({ ...fixed, holder: next.holder, queue: next.queue, running: next.running, remaining: next.remaining, stock: next.stock })

const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))

/** A town, then a few steps: each changes some agents, brings some new ones, sends some away. */
const worldArb = fc.integer({ min: 0, max: 12 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `agent_${i}`)
  return fc.record({
    agents: fc.tuple(...ids.map(agentArb)),
    objects: fc.tuple(...OBJECTS.map((id) => objectArb(id, ids))),
    steps: fc.array(
      fc.record({
        changed: fc.array(fc.nat(Math.max(0, n + 3)), { maxLength: 6 }),
        leaving: fc.array(fc.nat(Math.max(0, n + 3)), { maxLength: 2 }),
        rows: fc.array(agentArb('x'), { minLength: 6, maxLength: 6 }),
        object: fc.option(objectArb(OBJECTS[0]!, ids))
      }),
      { maxLength: 5 }
    )
  })
})

describe('observer columns', () => {
  it('round-trips any town and any run of diffs: encode, JSON, schema, decode gives the rows back', () => {
    fc.assert(
      fc.property(worldArb, ({ agents, objects, steps }) => {
        const town: ObserverFullRows = { ...sampleObserverFullRows(0), agents: [...agents], objects: [...objects] }
        const encoder = new ObserverRowsEncoder()
        encoder.reset({ ...namesFromRows(town, ACTIONS), homes: HOMES, jobs: JOBS })
        const decodedFull = decodeObserverFrame(null, overTheWire(encoder.full(town)))
        if (!decodedFull.ok) throw new Error(decodedFull.error)
        expect(byId(decodedFull.frame.agents)).toEqual(byId(town.agents))
        expect(decodedFull.frame.objects).toEqual(town.objects)
        let state: DecoderState = decodedFull.state
        const present = new Map(town.agents.map((a) => [a.id, a]))
        steps.forEach((step, k) => {
          const changed = new Map<string, AgentRow>()
          step.changed.forEach((slot, j) => changed.set(`agent_${slot}`, { ...step.rows[j]!, id: `agent_${slot}` }))
          const removed = step.leaving.map((slot) => `agent_${slot}`).filter((id) => present.has(id) && !changed.has(id))
          for (const [id, row] of changed) present.set(id, row)
          for (const id of removed) present.delete(id)
          const { map: _m, config_id: _c, kind: _k, agents: _a, objects: _o, ...common } = town
          const rows = { ...common, kind: 'diff' as const, seq: k + 1, base_seq: k, agents: [...changed.values()], removed, objects: step.object ? [dynamicOf(town.objects[0]!, step.object)] : [] }
          const decoded = decodeObserverFrame(state, overTheWire(encoder.diff(rows)))
          if (!decoded.ok) throw new Error(decoded.error)
          expect(byId(decoded.frame.agents)).toEqual(byId(rows.agents))
          expect([...decoded.frame.kind === 'diff' ? decoded.frame.removed : []].sort()).toEqual([...removed].sort())
          expect(decoded.frame.objects).toEqual(rows.objects)
          state = decoded.state
        })
      }),
      { numRuns: 150 }
    )
  })
})

/** A frame as a hostile sender may shape it: any field, any value. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point is to put anything anywhere
type Hostile = Record<string, any>

describe('hostile observer frames', () => {
  const good = () => JSON.parse(JSON.stringify(sampleObserverFull(0))) as Hostile
  const refusal = (frame: unknown) => {
    const parsed = ObserverFrameSchema.safeParse(frame)
    expect(parsed.success).toBe(false)
    return parsed.success ? '' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
  }

  it('refuses columns of different lengths, saying which', () => {
    const frame = good()
    frame.agents.hunger = [1, 2]
    expect(refusal(frame)).toMatch(/agents\.hunger: has 2 values for 1 rows/)
  })

  it('refuses NaN, fractions, strings and out-of-bounds needs', () => {
    for (const bad of [[Number.NaN], [0.5], ['1'], [1001], [null]]) {
      const frame = good()
      frame.agents.hunger = bad
      expect(refusal(frame)).toMatch(/agents\.hunger: must be an array of at most \d+ integers from 0 to 1000/)
    }
  })

  it('refuses huge counts before looking at them', () => {
    const frame = good()
    frame.roster = Array.from({ length: 200_001 }, () => 'a')
    expect(refusal(frame)).toMatch(/roster/)
    const diff = JSON.parse(JSON.stringify(frame)) as Hostile
    diff.agents.index = Array.from({ length: 300_000 }, (_, i) => i)
    expect(refusal(diff)).toMatch(/agents\.index: must be an array of at most 200000/)
  })

  it('refuses slots past the roster, repeated slots, and a queue that does not add up', () => {
    const frame = good()
    frame.agents.index = [3]
    expect(refusal(frame)).toMatch(/agents\.index: names slot 3 but the roster has 1/)
    const twice = good()
    for (const k of Object.keys(twice.agents)) twice.agents[k] = [...twice.agents[k], ...twice.agents[k]]
    expect(refusal(twice)).toMatch(/slots must be strictly ascending/)
    const queue = good()
    queue.objects.queue = [0]
    expect(refusal(queue)).toMatch(/objects\.queue: holds 1 slots but queue_len adds up to 0/)
  })

  it('the decoder refuses codes and slots the town does not have, as a result, not a throw', () => {
    const full = ObserverFrameSchema.parse(good())
    const badCode = structuredClone(full)
    badCode.agents.home = [40]
    const refused = decodeObserverFrame(null, badCode)
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/agents\.home\[0\] is 40, but there are only 1 homes; the town is fetched again/) })
    const state = decodeObserverFrame(null, full)
    if (!state.ok) throw new Error(state.error)
    const diff = ObserverFrameSchema.parse({ ...good(), kind: 'diff', base_seq: 0, seq: 1, roster: { index: [5], id: ['ghost'] }, removed: [], objects: { index: [], holder: [], running: [], remaining: [], queue_len: [], queue: [], stock: [] } })
    expect(decodeObserverFrame(state.state, diff)).toEqual({ ok: false, error: expect.stringMatching(/roster\.index\[0\] is 5, but the roster has only 1 slots/) })
    const removed = { ...diff, roster: { index: [], id: [] }, removed: [9] } as ObserverFrame
    expect(decodeObserverFrame(state.state, removed)).toEqual({ ok: false, error: expect.stringMatching(/removed\[0\] is 9/) })
    expect(decodeObserverFrame(null, removed)).toEqual({ ok: false, error: expect.stringMatching(/diff before any full frame/) })
  })
})
