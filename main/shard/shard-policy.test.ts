import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfigFile, type LoadedConfig } from '../config/load-config'
import { hashWorld } from '../sim/hash/hash-world'
import { realScheduler } from './scheduler'
import { Shard } from './shard'
import { testFiles, testWorkspace } from '../fs/testing/test-workspace'

const RELEASE = resolve(__dirname, '../../configs/policies/release.onnx')
const sha = (s: string) => createHash('sha256').update(s).digest('hex')

async function defaultConfig(): Promise<LoadedConfig> {
  const loaded = await loadConfigFile(resolve(__dirname, '../../configs/default.yaml'), await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

async function learnedShard(): Promise<Shard> {
  const shard = new Shard(await defaultConfig(), { scheduler: realScheduler, files: await testFiles() })
  const swapped = await shard.swapPolicy(RELEASE)
  if (!swapped.ok) throw new Error(swapped.error.message)
  return shard
}

describe('a shard driven by an ONNX model', () => {
  it('runs its clock on inference (start, pause, resume) and stops cleanly at a tick boundary', async () => {
    const shard = await learnedShard()
    shard.setSpeed('max')
    shard.start()
    // Waits on the clock, not a fixed time: a loaded CI machine runs fewer ticks in 300 ms.
    for (const deadline = Date.now() + 10_000; shard.view().tick <= 10 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20))
    const paused = shard.pause()
    expect(paused.state).toBe('paused')
    expect(paused.tick).toBeGreaterThan(10)
    // The slice in flight finishes its tick, then nothing more runs.
    await new Promise((r) => setTimeout(r, 50))
    const settled = shard.view().tick
    await new Promise((r) => setTimeout(r, 100))
    expect(shard.view().tick).toBe(settled)
    expect((await shard.advance(5)).tick).toBe(settled + 5)
    expect(shard.simulation.policy.status().decisions.total.learned).toBeGreaterThan(0)
    shard.dispose()
  })

  it('gives the same world whether the ticks ran in one go, in steps, or on the clock', async () => {
    const once = await learnedShard()
    await once.advance(60)
    const stepped = await learnedShard()
    for (let k = 0; k < 6; k++) await stepped.advance(10)
    expect(hashWorld(stepped.simulation.world, sha)).toBe(hashWorld(once.simulation.world, sha))
    const clocked = await learnedShard()
    clocked.setSpeed('max')
    clocked.start()
    while (clocked.view().tick < 30) await new Promise((r) => setTimeout(r, 5))
    clocked.pause()
    await new Promise((r) => setTimeout(r, 50))
    const at = clocked.view().tick
    await clocked.advance(60 - at)
    expect(hashWorld(clocked.simulation.world, sha)).toBe(hashWorld(once.simulation.world, sha))
    for (const s of [once, stepped, clocked]) s.dispose()
  })

  it('a new config loaded mid-run replaces the model-driven world; the old one applies nothing more', async () => {
    const shard = await learnedShard()
    shard.setSpeed('max')
    shard.start()
    await new Promise((r) => setTimeout(r, 100))
    const view = shard.loadConfig(await defaultConfig())
    expect(view).toMatchObject({ state: 'idle', tick: 0 })
    await new Promise((r) => setTimeout(r, 100))
    expect(shard.view().tick).toBe(0)
    expect(shard.simulation.policy.identity().backend).toBe('scripted')
    shard.dispose()
  })
})

describe('concurrent requests on a model-driven shard', () => {
  it('queues step requests and clock slices: every tick decides on the state the last one left', async () => {
    const reference = await learnedShard()
    await reference.advance(40)
    const shard = await learnedShard()
    // Two step requests at once (as two worker messages would be), then the clock for a moment.
    const [first, second] = await Promise.all([shard.advance(10), shard.advance(10)])
    expect(first.tick).toBe(10)
    expect(second.tick).toBe(20)
    const sim = shard.simulation
    await Promise.all([sim.stepAsync(), sim.stepAsync(), shard.advance(8)])
    expect(shard.view().tick).toBe(30)
    await shard.advance(10)
    expect(hashWorld(shard.simulation.world, sha)).toBe(hashWorld(reference.simulation.world, sha))
    for (const s of [reference, shard]) s.dispose()
  })

  it('start cuts a step request short; the world stays coherent', async () => {
    const shard = await learnedShard()
    const stepping = shard.advance(100_000)
    shard.setSpeed('max')
    shard.start()
    const view = await stepping
    expect(view.tick).toBeLessThan(100_000)
    await new Promise((r) => setTimeout(r, 100))
    shard.pause()
    await shard.advance(1)
    expect(shard.view().state).toBe('paused')
    shard.dispose()
  })
})
