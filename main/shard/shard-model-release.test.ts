/**
 * Every path that replaces the live simulation (a config load, a snapshot load, a fork, a
 * reopen) releases the replaced simulation's ONNX session exactly once, never one the new
 * simulation still uses, and never while a tick in flight is still scoring on it. Real models
 * (configs/policies/release.onnx): every session loadOnnxPolicy creates is counted, so "live
 * sessions" is sessions created minus sessions released.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadConfigFile, type LoadedConfig } from '../config/load-config'
import { testWorkspace } from '../fs/testing/test-workspace'
import type * as onnxModule from '../policy/runtime/onnx-policy'
import type { OnnxPolicy } from '../policy/runtime/onnx-policy'
import { ManualScheduler } from './manual-scheduler'
import { realScheduler } from './scheduler'
import { Shard } from './shard'
import type { Simulation } from './simulation'

const RELEASE = resolve(__dirname, '../../configs/policies/release.onnx')

/** Every session created, with how often it was released and whether a tick was scoring on it then. */
const sessions = vi.hoisted(() => [] as { model: unknown; releases: number; releasedMidTick: boolean }[])
const watching = vi.hoisted(() => ({ sim: undefined as { stepInFlight: boolean } | undefined }))

vi.mock('../policy/runtime/onnx-policy', async (importOriginal) => {
  const real = await importOriginal<typeof onnxModule>()
  return {
    ...real,
    loadOnnxPolicy: async (...args: Parameters<typeof real.loadOnnxPolicy>) => {
      const loaded = await real.loadOnnxPolicy(...args)
      if (!loaded.ok) return loaded
      const record = { model: loaded.value, releases: 0, releasedMidTick: false }
      sessions.push(record)
      const release = loaded.value.release
      loaded.value.release = () => {
        record.releases++
        if (watching.sim?.stepInFlight) record.releasedMidTick = true
        return release()
      }
      return loaded
    }
  }
})

const dirs: string[] = []
afterEach(async () => {
  sessions.length = 0
  watching.sim = undefined
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true })
})

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}

/** The default town, driven by the release model when `model` (the config names it), with a timeline every 10 ticks. */
async function town(model: boolean): Promise<LoadedConfig> {
  const loaded = must(await loadConfigFile(resolve(__dirname, '../../configs/default.yaml'), await testWorkspace()))
  const snapshot = { ...loaded.config.snapshot, timeline: { ...loaded.config.snapshot.timeline, keyframe_every: 10 } }
  const policy = model ? { ...loaded.config.policy, backend: 'onnx' as const, model: RELEASE } : loaded.config.policy
  return { ...loaded, config: { ...loaded.config, policy, snapshot } }
}

async function setup(scheduler: ManualScheduler | typeof realScheduler = new ManualScheduler()) {
  const base = await mkdtemp(join(tmpdir(), 'townlet-model-release-'))
  dirs.push(base)
  const shard = new Shard(await town(true), { scheduler, files: { workspace: await testWorkspace(), base }, timeline: true })
  must(await shard.attachConfiguredPolicy())
  return shard
}

const live = () => sessions.filter((s) => s.releases === 0)
const recordOf = (model: OnnxPolicy | null) => sessions.find((s) => s.model === model)

/** Exactly one session is live (the live simulation's), and every other one was released exactly once. */
function expectOnlyLive(sim: Simulation): void {
  expect(sim.policy.model).not.toBeNull()
  expect(live().map((s) => s.model)).toEqual([sim.policy.model])
  expect(sessions.filter((s) => s.releases > 1)).toEqual([])
}

describe('the replaced simulation releases its model', () => {
  it('on a snapshot load: the old session goes once, the loaded town keeps its own', async () => {
    const shard = await setup()
    await shard.advance(5)
    const saved = must(await shard.snapshots.save())
    await shard.advance(5)
    const before = shard.simulation.policy.model
    must(await shard.snapshots.load(saved.name))
    expect(shard.simulation.policy.model).not.toBe(before)
    expect(recordOf(before)?.releases).toBe(1)
    expectOnlyLive(shard.simulation)
    // The loaded town still scores on its session.
    await shard.advance(2)
    expect(shard.simulation.policy.status().decisions.total.learned).toBeGreaterThan(0)
    expectOnlyLive(shard.simulation)
    shard.dispose()
  }, 60_000)

  it('on a config load, with the new config’s model or with the scripted controller', async () => {
    const shard = await setup()
    await shard.advance(2)
    const first = shard.simulation.policy.model
    must(await shard.prepareConfig(await town(true)))
    expect(recordOf(first)?.releases).toBe(1)
    expectOnlyLive(shard.simulation)
    const second = shard.simulation.policy.model
    shard.loadConfig(await town(false))
    expect(recordOf(second)?.releases).toBe(1)
    expect(live()).toEqual([])
    shard.dispose()
  }, 60_000)

  it('on a fork and a reopen: a session the new town carries on is kept; a replaced one goes once', async () => {
    const shard = await setup()
    await shard.advance(25)
    const model = shard.simulation.policy.model
    // The fork replays through the live session: nothing to release.
    must(await shard.timeline.fork(12))
    expect(shard.simulation.policy.model).toBe(model)
    expectOnlyLive(shard.simulation)
    await shard.advance(3)
    const parked = shard.timeline.status()
    const branch = must(parked).branches.find((b) => !b.current)!
    must(await shard.timeline.reopen(branch.id))
    expect(shard.simulation.policy.model).toBe(model)
    expectOnlyLive(shard.simulation)
    // Back to the scripted controller, then a fork into the model's ticks loads a fresh session.
    must(await shard.swapPolicy('scripted'))
    expect(live()).toEqual([])
    await shard.advance(2)
    must(await shard.timeline.fork(20))
    expectOnlyLive(shard.simulation)
    shard.dispose()
  }, 60_000)

  it('a config loaded mid-tick releases the old session only once that tick has ended', async () => {
    const shard = await setup(realScheduler)
    shard.setSpeed('max')
    shard.start()
    while (shard.view().tick < 3) await new Promise((r) => setTimeout(r, 5))
    const old = shard.simulation
    const model = old.policy.model
    watching.sim = old
    shard.loadConfig(await town(false))
    for (const deadline = Date.now() + 10_000; recordOf(model)!.releases === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5))
    await new Promise((r) => setTimeout(r, 50))
    expect(recordOf(model)).toMatchObject({ releases: 1, releasedMidTick: false })
    expect(live()).toEqual([])
    shard.dispose()
  }, 60_000)
})
