import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyMutation, expectReaderContract, expectRoundTrip, mutationOf } from '../snapshot/testing/json-mutations'
import { rngFromJSON, rngToJSON } from './rng-json'
import { createStreams, nextFloat } from './rng-streams'

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })
const stream = fc.tuple(int32, int32, int32, int32).filter((w) => w.some((x) => x !== 0))
const rngJson = fc.record({ world: stream, events: stream, policy: stream })

describe('rng JSON', () => {
  it('round-trips any stream state (property)', () => {
    fc.assert(fc.property(rngJson, (json) => void expectRoundTrip(rngFromJSON, rngToJSON, json)), { numRuns: 200 })
  })

  it('restores streams that draw what the originals draw next', () => {
    const live = createStreams(42)
    for (let i = 0; i < 10; i++) nextFloat(live.events)
    const back = rngFromJSON(JSON.parse(JSON.stringify(rngToJSON(live))))
    expect(back.ok).toBe(true)
    if (!back.ok) return
    for (const name of ['world', 'events', 'policy'] as const) expect(Array.from({ length: 5 }, () => nextFloat(back.value[name]))).toEqual(Array.from({ length: 5 }, () => nextFloat(live[name])))
  })

  it('names what is wrong: a missing stream, a short state, a word out of range, an all-zero state', () => {
    const json = rngToJSON(createStreams(1))
    expect(rngFromJSON({ world: json.world, events: json.events })).toEqual({ ok: false, problems: ['rng.policy: missing'] })
    expect(rngFromJSON({ ...json, world: [1, 2, 3] })).toEqual({ ok: false, problems: ['rng.world: 3 entries, expected 4'] })
    expect(rngFromJSON({ ...json, events: [1, 2, 3, 2 ** 31] })).toMatchObject({ ok: false, problems: [expect.stringMatching(/^rng\.events\[3\]: expected an integer/)] })
    expect(rngFromJSON({ ...json, policy: [0, 0, 0, 0] })).toMatchObject({ ok: false, problems: [expect.stringContaining('all-zero')] })
  })

  it('never throws on damaged state (property)', () => {
    const json = rngToJSON(createStreams(7))
    fc.assert(fc.property(mutationOf(json), (m) => expectReaderContract(rngFromJSON, rngToJSON, applyMutation(json, m))), { numRuns: 300 })
  })
})
