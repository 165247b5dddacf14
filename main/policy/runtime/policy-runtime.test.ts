import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { loadConfigFile, type LoadedConfig } from '../../config/load-config'
import { Simulation } from '../../shard/simulation'
import { hashWorld } from '../../sim/hash/hash-world'
import { replay } from '../../sim/input-log'
import type { SimEvent } from '../../sim/state/world'
import { createWorld } from '../../sim/town/create-world'
import { compileOrThrow } from '../../shard/simulation'
import { loadOnnxPolicy } from './onnx-policy'
import { writeRandomModel } from './testing/random-model'
import { testWorkspace } from '../../fs/testing/test-workspace'

const sha = (s: string) => createHash('sha256').update(s).digest('hex')

async function defaultConfig(anneal = 1): Promise<LoadedConfig> {
  const loaded = await loadConfigFile('configs/default.yaml', await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  loaded.value.config.policy.anneal.ratio = anneal
  return loaded.value
}

async function withModel(loaded: LoadedConfig, model?: string): Promise<{ sim: Simulation; model: string }> {
  const sim = new Simulation(loaded)
  const file = model ?? writeRandomModel(sim.policy.spec)
  const policy = await loadOnnxPolicy(file, sim.policy.spec)
  if (!policy.ok) throw new Error(policy.error.message)
  sim.policy.use(policy.value)
  return { sim, model: file }
}

async function run(sim: Simulation, ticks: number): Promise<SimEvent[]> {
  const events: SimEvent[] = []
  for (let t = 0; t < ticks; t++) events.push(...(await sim.stepAsync()))
  return events
}

describe('PolicyRuntime with an ONNX model', () => {
  it('scores every living agent in one batch per tick and decides from the masked logits', async () => {
    const { sim } = await withModel(await defaultConfig())
    const events = await run(sim, 60)
    const status = sim.policy.status()
    expect(status.identity).toMatchObject({ backend: 'onnx', execution_provider: 'cpu', observation_variant: 'hybrid', anneal_ratio: 1 })
    expect(status.identity.policy_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(status.decisions.total.learned).toBeGreaterThan(0)
    expect(status.decisions.total.scripted).toBe(0)
    expect(status.latency.history.length).toBe(60)
    expect(status.latency.history.every((s) => s.batch === sim.world.state.agents.count)).toBe(true)
    // The swap announced itself with the tick's events.
    expect(events.find((e) => e.type === 'policy.metadata')).toMatchObject({ backend: 'onnx', policy_hash: status.identity.policy_hash })
  })

  it('never decides an option the mask rules out', async () => {
    const { sim } = await withModel(await defaultConfig())
    for (let t = 0; t < 80; t++) {
      await sim.stepAsync()
      const entry = sim.log.list().at(-1)
      if (!entry || entry.tick !== sim.world.state.tick) continue
      for (const d of entry.decisions) expect(AGENT_OPTIONS).toContain(d.option)
    }
    // A trace's probabilities sit only on allowed options.
    const trace = sim.policy.trace(sim.world.state.agents.ids[0]!)
    expect(trace.ok).toBe(true)
    if (!trace.ok) return
    const allowed = new Set(trace.value.mask.filter((m) => m.allowed).map((m) => m.option))
    for (const p of trace.value.probabilities ?? []) expect(allowed.has(p.option)).toBe(true)
    expect(trace.value.decided_by).toBe('learned')
    expect(trace.value.map.shape).toEqual([4, 11, 11])
    // Its recent decisions, newest first, each with the mask it was made under.
    const history = trace.value.history
    expect(history.length).toBeGreaterThan(0)
    expect(history.map((h) => h.tick)).toEqual([...history.map((h) => h.tick)].sort((x, y) => y - x))
    for (const h of history.filter((e) => e.decided_by === 'learned')) expect(h.allowed).toContain(h.chosen)
    expect(trace.value.features.length).toBe(sim.policy.spec.featureSize)
  })

  it('replays from the input log without the model to the same hash (anneal draws included)', async () => {
    const loaded = await defaultConfig(0.5)
    const { sim } = await withModel(loaded)
    await run(sim, 120)
    expect(sim.log.list().some((e) => e.policy_rng !== undefined)).toBe(true)
    const status = sim.policy.status()
    expect(status.decisions.total.learned).toBeGreaterThan(0)
    expect(status.decisions.total.scripted).toBeGreaterThan(0)
    const fresh = createWorld(loaded.config, compileOrThrow(loaded.affordances.manifest))
    if (!fresh.ok) throw new Error('town')
    replay(fresh.world, sim.log.list(), sim.world.state.tick)
    expect(hashWorld(fresh.world, sha)).toBe(hashWorld(sim.world, sha))
  })

  it('is deterministic on the CPU: the same seed and model give the same hash', async () => {
    const first = await withModel(await defaultConfig(0.7))
    await run(first.sim, 100)
    const second = await withModel(await defaultConfig(0.7), first.model)
    await run(second.sim, 100)
    expect(hashWorld(second.sim.world, sha)).toBe(hashWorld(first.sim.world, sha))
  })

  it('with anneal 0 the model does not run and the scripted controller decides', async () => {
    const { sim } = await withModel(await defaultConfig(0))
    await run(sim, 30)
    const status = sim.policy.status()
    expect(status.latency.history).toEqual([])
    expect(status.decisions.total.learned).toBe(0)
    expect(status.decisions.total.scripted).toBeGreaterThan(0)
  })
})

describe('loading a model: bad input is refused with the reason', () => {
  it('refuses a missing, empty, truncated or non-ONNX file', async () => {
    const sim = new Simulation(await defaultConfig())
    const good = writeRandomModel(sim.policy.spec)
    const dir = dirname(good)
    const missing = await loadOnnxPolicy(join(dir, 'nope.onnx'), sim.policy.spec)
    expect(missing).toMatchObject({ ok: false, error: { code: 'policy.model_not_found' } })
    writeFileSync(join(dir, 'empty.onnx'), '')
    expect(await loadOnnxPolicy(join(dir, 'empty.onnx'), sim.policy.spec)).toMatchObject({ ok: false, error: { code: 'policy.invalid_model' } })
    const bytes = readFileSync(good)
    writeFileSync(join(dir, 'truncated.onnx'), bytes.subarray(0, Math.floor(bytes.length / 2)))
    const truncated = await loadOnnxPolicy(join(dir, 'truncated.onnx'), sim.policy.spec)
    expect(truncated.ok).toBe(false)
    writeFileSync(join(dir, 'text.onnx'), 'config_id: not-a-model\nseed: 1\n')
    const text = await loadOnnxPolicy(join(dir, 'text.onnx'), sim.policy.spec)
    expect(text).toMatchObject({ ok: false, error: { code: 'policy.invalid_model' } })
    if (!text.ok) expect(text.error.message).toContain('text.onnx')
  })

  it('refuses a model made for another observation variant, and the current policy stays', async () => {
    const compactLoaded = await defaultConfig()
    compactLoaded.config.features.systems.observations = 'compact'
    const compact = new Simulation(compactLoaded)
    const compactModel = writeRandomModel(compact.policy.spec, 3, 'compact')
    const { sim } = await withModel(await defaultConfig())
    const before = sim.policy.identity()
    const refused = await loadOnnxPolicy(compactModel, sim.policy.spec)
    expect(refused).toMatchObject({ ok: false, error: { code: 'policy.model_mismatch' } })
    if (!refused.ok) expect(refused.error.message).toMatch(/compact/)
    expect(sim.policy.identity()).toEqual(before)
  })

  it('asks for CUDA and, where it is not available, runs on the CPU with a notice', async () => {
    const sim = new Simulation(await defaultConfig())
    const model = writeRandomModel(sim.policy.spec)
    const loaded = await loadOnnxPolicy(model, sim.policy.spec, { provider: 'cuda' })
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    // This machine has no GPU: the CPU provider runs and says why.
    if (loaded.value.executionProvider === 'cpu') expect(loaded.value.notice).toMatch(/CUDA was asked for but is not available/)
    sim.policy.use(loaded.value)
    expect(sim.policy.status().notice).toBe(loaded.value.notice)
    await run(sim, 3)
    await loaded.value.release()
  })
})

describe('embedding allocator telemetry', () => {
  it('emits policy.embedding when forced reuse crosses the warning threshold, and reports it in the status', async () => {
    const loaded = await defaultConfig()
    loaded.config.observations.embedding = { max_slots: 8, cooldown_ticks: 2000, reuse_warning_threshold: 0.05 }
    const { sim } = await withModel(loaded)
    await run(sim, 2)
    sim.enqueue({ op: 'kill', agent: 0, reason: 'test' })
    await run(sim, 1)
    sim.enqueue({ op: 'spawn', id: 'newcomer' })
    const events = await run(sim, 3)
    const warning = events.find((e) => e.type === 'policy.embedding')
    expect(warning).toMatchObject({ reuse_warning: true, forced_reuse_count: 1, max_slots: 8 })
    expect(sim.policy.status().embedding).toMatchObject({ forced_reuse_count: 1, reuse_warning: true, in_use: 8 })
  })
})
