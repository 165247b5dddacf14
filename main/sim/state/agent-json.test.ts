import { performance } from 'node:perf_hooks'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyMutation, expectReaderContract, expectRoundTrip, mutationOf } from '../snapshot/testing/json-mutations'
import { showerRoom } from '../testing/test-world'
import { agentBoundsOf, agentColumnBounds, agentsFromJSON, agentsToJSON, type AgentBounds, type AgentsJson } from './agent-json'
import { AGENT_F64_COLUMNS, AGENT_I32_COLUMNS, type AgentColumnName } from './agent-store'

const BOUNDS: AgentBounds = { width: 10, height: 8, homes: 2, workplaces: 1, jobs: 2, objects: 5, attendanceWindow: 3 }
const COLUMNS: AgentColumnName[] = [...AGENT_F64_COLUMNS, ...AGENT_I32_COLUMNS]

function columnValue(key: AgentColumnName, n: number): fc.Arbitrary<number> {
  const b = agentColumnBounds(key, BOUNDS, n)
  return b.integer ? fc.integer({ min: b.min, max: b.max }) : fc.double({ min: b.min, max: b.max, noNaN: true })
}

/** Any store a town of BOUNDS may hold. */
const agentsJson: fc.Arbitrary<AgentsJson> = fc.integer({ min: 0, max: 6 }).chain((n) =>
  fc.record({
    ids: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: n, maxLength: n }),
    columns: fc.record(Object.fromEntries(COLUMNS.map((k) => [k, fc.array(columnValue(k, n), { minLength: n, maxLength: n })])) as Record<AgentColumnName, fc.Arbitrary<number[]>>),
    paths: fc.array(fc.option(fc.array(fc.integer({ min: 0, max: BOUNDS.width * BOUNDS.height - 1 }), { maxLength: 5 }), { nil: null }), { minLength: n, maxLength: n }),
    fail_reason: fc.array(fc.string({ maxLength: 12 }), { minLength: n, maxLength: n }),
    attendance_samples: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: BOUNDS.attendanceWindow }), { minLength: n, maxLength: n })
  })
)

const read = (json: unknown) => agentsFromJSON(json, BOUNDS)

describe('agents JSON', () => {
  it('round-trips any store the town allows (property)', () => {
    fc.assert(fc.property(agentsJson, (json) => void expectRoundTrip(read, agentsToJSON, json)), { numRuns: 100 })
  })

  it('round-trips a real room, typed columns and paths included', () => {
    const world = showerRoom(2, 5)
    world.state.agents.paths[1] = Int32Array.from([12, 13])
    world.state.agents.failReason[2] = 'cooldown'
    const back = expectRoundTrip((j) => agentsFromJSON(j, agentBoundsOf(world)), agentsToJSON, agentsToJSON(world.state.agents))
    expect(back.count).toBe(5)
    expect(back.cols.x).toBeInstanceOf(Int32Array)
    expect(back.paths[1]).toEqual(Int32Array.from([12, 13]))
  })

  it('names what is wrong by JSON path', () => {
    const world = showerRoom(1, 3)
    const good = agentsToJSON(world.state.agents)
    const b = agentBoundsOf(world)
    const bad = (patch: (j: AgentsJson) => void) => {
      const j = JSON.parse(JSON.stringify(good)) as AgentsJson
      patch(j)
      const r = agentsFromJSON(j, b)
      return r.ok ? [] : r.problems
    }
    expect(bad((j) => (j.columns.hunger = [0.5]))).toEqual(['agents.columns.hunger: 1 entries, expected 3'])
    expect(bad((j) => (j.columns.x[2] = b.width))).toEqual([`agents.columns.x[2]: expected an integer from 0 to ${b.width - 1}, got ${b.width}`])
    expect(bad((j) => (j.columns.hunger[0] = 1.5))).toEqual(['agents.columns.hunger[0]: expected a number from 0 to 1, got 1.5'])
    expect(bad((j) => (j.columns.partner[1] = 3))).toEqual(['agents.columns.partner[1]: expected an integer from -1 to 2, got 3'])
    expect(bad((j) => (j.columns.alive[0] = '1' as never))).toEqual(['agents.columns.alive[0]: expected an integer from 0 to 1, got "1"'])
    expect(bad((j) => ((j.columns as Record<string, unknown>).mood = [0, 0, 0]))).toEqual(['agents.columns.mood: unknown key'])
    expect(bad((j) => (j.paths[0] = [b.width * b.height]))[0]).toMatch(/^agents\.paths\[0\]\[0\]: expected an integer from 0 to/)
    expect(bad((j) => (j.ids[1] = ''))).toEqual(['agents.ids[1]: expected a string of 1–200 characters, got ""'])
    expect(bad((j) => j.fail_reason.pop())).toEqual(['agents.fail_reason: 2 entries, expected 3'])
  })

  it('never throws on damaged stores (property)', () => {
    const damaged = agentsJson.chain((j) => mutationOf(j).map((m) => applyMutation(j, m)))
    fc.assert(fc.property(damaged, (json) => expectReaderContract(read, agentsToJSON, json)), { numRuns: 300 })
  })

  it('reads 10,000 agents in well under a second', () => {
    const world = showerRoom(2, 2)
    const json = agentsToJSON(world.state.agents)
    const n = 10_000
    const big: AgentsJson = {
      ids: Array.from({ length: n }, (_, i) => `a${i}`),
      columns: Object.fromEntries(COLUMNS.map((k) => [k, Array.from({ length: n }, (_, i) => json.columns[k][i % 2]!)])) as AgentsJson['columns'],
      paths: Array.from({ length: n }, () => [1, 2, 3]),
      fail_reason: Array.from({ length: n }, () => ''),
      attendance_samples: Array.from({ length: n }, () => [])
    }
    big.columns.partner.fill(-1)
    const text = JSON.stringify(big)
    const started = performance.now()
    const back = agentsFromJSON(JSON.parse(text), agentBoundsOf(world))
    expect(back.ok).toBe(true)
    if (back.ok) JSON.stringify(agentsToJSON(back.value))
    expect(performance.now() - started).toBeLessThan(500)
  })
})
