/**
 * The policy runtime's snapshot form: after any run (a model at any anneal ratio, possessed
 * agents, traces asked for) a runtime rebuilt from the JSON text writes the same JSON and shows
 * the same decision traces and status; a state that is not one, or not of this world, is refused
 * by path and changes nothing. Continuing identically is the resume-parity test's
 * (main/shard/resume-parity-onnx.test.ts).
 */
import { resolve } from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadConfigFile, type LoadedConfig } from '../../config/load-config'
import { testWorkspace } from '../../fs/testing/test-workspace'
import { Simulation } from '../../shard/simulation'
import { loadOnnxPolicy, type OnnxPolicy } from './onnx-policy'
import { PolicyRuntime } from './policy-runtime'
import type { PolicyRuntimeJson } from './policy-runtime-json'

const RELEASE = resolve(__dirname, '../../../configs/policies/release.onnx')

let base: LoadedConfig
beforeAll(async () => {
  const loaded = await loadConfigFile(resolve(__dirname, '../../../configs/default.yaml'), await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  base = loaded.value
})

function withRatio(ratio: number, seed: number): LoadedConfig {
  return { ...base, config: { ...base.config, seed, policy: { ...base.config.policy, anneal: { ...base.config.policy.anneal, ratio } } } }
}

async function model(sim: Simulation): Promise<OnnxPolicy> {
  const policy = await loadOnnxPolicy(RELEASE, sim.policy.spec)
  if (!policy.ok) throw new Error(policy.error.message)
  return policy.value
}

/** What the runtime shows: status (less the wall-clock latency) and every agent's trace. */
function shown(runtime: PolicyRuntime, sim: Simulation): unknown {
  const { latency: _latency, ...status } = runtime.status()
  const traces = sim.world.state.agents.ids.slice(0, sim.world.state.agents.count).map((id) => runtime.trace(id))
  return { status, traces }
}

/** A runtime beside the same world, restored from `json` (after the same model, as a shard would). */
function restoredBeside(sim: Simulation, json: unknown, policy: OnnxPolicy | null): PolicyRuntime {
  const copy = new PolicyRuntime(sim.world)
  // The model's identity and hash are the snapshot's; the session itself is loaded again.
  if (policy) copy.use(policy)
  const restored = copy.restore(json)
  if (!restored.ok) throw new Error(restored.error.message)
  return copy
}

describe('PolicyRuntime JSON', () => {
  it('round-trips after any run: the same JSON, traces and status (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          ticks: fc.integer({ min: 0, max: 60 }),
          ratio: fc.constantFrom(0, 0.3, 0.7, 1),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          learned: fc.boolean(),
          possessAt: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
          traceAt: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined })
        }),
        async ({ ticks, ratio, seed, learned, possessAt, traceAt }) => {
          const sim = new Simulation(withRatio(ratio, seed))
          const policy = learned ? await model(sim) : null
          if (policy) sim.policy.use(policy)
          for (let t = 0; t < ticks; t++) {
            if (t === possessAt) {
              sim.enqueue({ op: 'possess', agent: 0, cmd_id: 'p-1' })
              sim.enqueue({ op: 'operator_act', agent: 0, option: 'idle', object: -1, cmd_id: 'p-2' })
            }
            if (t === traceAt) sim.policy.trace(sim.world.state.agents.ids[1]!)
            await sim.stepAsync()
          }
          const json = sim.policy.toJSON()
          const text = JSON.stringify(json)
          const copy = restoredBeside(sim, JSON.parse(text), policy)
          expect(JSON.stringify(copy.toJSON())).toBe(text)
          expect(shown(copy, sim)).toEqual(shown(sim.policy, sim))
          await policy?.release()
        }
      ),
      { numRuns: 12 }
    )
  }, 120_000)

  it('carries the operator’s decisions, the pending events and the fallback notice', async () => {
    const sim = new Simulation(withRatio(0.5, 7))
    const policy = await model(sim)
    sim.policy.use(policy)
    sim.enqueue({ op: 'possess', agent: 2, cmd_id: 'p-1' })
    await sim.stepAsync()
    sim.enqueue({ op: 'operator_act', agent: 2, option: 'idle', object: -1, cmd_id: 'p-2' })
    for (let t = 0; t < 5; t++) await sim.stepAsync()
    const id = sim.world.state.agents.ids[2]!
    const json = sim.policy.toJSON()
    expect(json.records.total[2]).toBe(1)
    expect(json.history.some(([slot, entries]) => slot === 2 && entries.some((e) => e.decided_by === 'operator'))).toBe(true)
    expect(json.last_batch).not.toBeNull()
    expect(restoredBeside(sim, JSON.parse(JSON.stringify(json)), policy).trace(id)).toEqual(sim.policy.trace(id))
    // A swap between ticks leaves a policy.metadata event for the next tick; a model that failed, its notice.
    sim.policy.use(policy)
    ;(sim.policy as unknown as { failure: string }).failure = 'the model failed at tick 6'
    const swapped = sim.policy.toJSON()
    expect(swapped.pending_events.map((e) => e.type)).toEqual(['policy.metadata'])
    const copy = restoredBeside(sim, JSON.parse(JSON.stringify(swapped)), policy)
    expect(copy.status().notice).toBe(sim.policy.status().notice)
    expect(copy.drainEvents()).toEqual(sim.policy.drainEvents())
    await policy.release()
  })

  it('refuses a state that is not one, or not of this world, naming where, and changes nothing', async () => {
    const sim = new Simulation(withRatio(1, 3))
    const policy = await model(sim)
    sim.policy.use(policy)
    for (let t = 0; t < 5; t++) await sim.stepAsync()
    const good = JSON.parse(JSON.stringify(sim.policy.toJSON())) as PolicyRuntimeJson
    const builder = good.builder!
    const batch = good.last_batch!
    const record = good.records.agents[0]!
    const target = new PolicyRuntime(sim.world)
    const before = JSON.stringify(target.toJSON())
    const refused = (json: unknown, where: RegExp) => {
      const r = target.restore(json)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('snapshot.invalid')
        expect(r.error.message).toMatch(where)
      }
      expect(JSON.stringify(target.toJSON())).toBe(before)
    }
    refused(null, /policy/)
    refused({ ...good, schema_version: 2 }, /policy\.schema_version/)
    refused({ ...good, extra: 1 }, /policy/)
    refused({ ...good, records: { ...good.records, agents: [{ ...record, chosen: 99 }] } }, /policy\.records\.agents\.0\.chosen/)
    refused({ ...good, records: { ...good.records, agents: [...good.records.agents].reverse() } }, /ascending/)
    refused({ ...good, records: { ...good.records, agents: [{ ...record, slot: 500 }] } }, /policy\.records\.agents: agent slot 500 is not in the town/)
    refused({ ...good, history: [[0, []]] }, /policy\.history\.0\.1/)
    refused({ ...good, builder: { ...builder, allocator: { ...builder.allocator, next_fresh: 0 } } }, /policy\.builder\.allocator/)
    refused({ ...good, builder: { ...builder, allocator: { ...builder.allocator, max_slots: 9 } } }, /observations\.embedding/)
    refused({ ...good, builder: null }, /no builder state/)
    refused({ ...good, last_batch: { ...batch, features: 'AAAA' } }, /policy\.last_batch\.features/)
    refused({ ...good, last_batch: { ...batch, spec: { ...batch.spec, feature_size: 3 } } }, /policy\.last_batch\.spec/)
    refused({ ...good, last_batch: { ...batch, tick: 10_000 } }, /after the world's tick/)
    refused({ ...good, pending_events: [{ type: 'x', deep: [[[[[[[[1]]]]]]]] }] }, /policy\.pending_events\.0/)
    expect(target.restore(good).ok).toBe(true)
    await policy.release()
  })
})
