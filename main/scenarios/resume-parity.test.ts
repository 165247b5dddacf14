/**
 * Resume parity: N ticks in one go give the same state hash as k ticks, a save (the world as JSON
 * text), a restore into a freshly built town and N−k more — on real configs, with k falling
 * mid-affordance, mid-queue and mid-perturbation, and for k drawn by fast-check.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadConfigFile, type LoadedConfig } from '../config/load-config'
import { Simulation } from '../shard/simulation'
import { hashWorld } from '../sim/hash/hash-world'
import { worldSnapshot } from '../sim/hash/world-snapshot'
import { restoreWorld } from '../sim/snapshot/restore-world'
import { Phase } from '../sim/state/agent-store'
import { CONFIGS_DIR } from './scenario-harness'
import { testWorkspace } from '../fs/testing/test-workspace'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

async function load(name: string, seed?: number): Promise<LoadedConfig> {
  const loaded = await loadConfigFile(resolve(CONFIGS_DIR, name), await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  return seed === undefined ? loaded.value : { ...loaded.value, config: { ...loaded.value.config, seed } }
}

function run(sim: Simulation, ticks: number): Simulation {
  for (let t = 0; t < ticks; t++) sim.step()
  return sim
}

/** Save after k ticks (through JSON text, as a file would), restore into a fresh town, run the rest. */
function resumed(loaded: LoadedConfig, k: number, n: number): Simulation {
  const first = run(new Simulation(loaded), k)
  const text = JSON.stringify({ world: worldSnapshot(first.world), last_events: first.lastTickEvents })
  const saved = JSON.parse(text) as { world: unknown; last_events: [] }
  const fresh = new Simulation(loaded)
  const restored = restoreWorld(fresh.world, saved.world)
  if (!restored.ok) throw new Error(restored.problems.join('; '))
  return run(new Simulation(loaded, { resume: { world: restored.world, lastEvents: saved.last_events } }), n - k)
}

describe('resume parity', () => {
  it('restores the exact state: the hash right after a restore equals the saved one', async () => {
    const loaded = await load('default.yaml')
    const sim = run(new Simulation(loaded), 300)
    const restored = restoreWorld(new Simulation(loaded).world, JSON.parse(JSON.stringify(worldSnapshot(sim.world))))
    expect(restored.ok).toBe(true)
    if (restored.ok) {
      expect(hashWorld(restored.world, sha256)).toBe(hashWorld(sim.world, sha256))
      expect(Array.from(restored.world.state.tileCount)).toEqual(Array.from(sim.world.state.tileCount))
    }
  })

  it('continues mid-affordance and mid-queue on the default town', async () => {
    const loaded = await load('default.yaml')
    // Find a tick where someone is using an object and someone is queued.
    const probe = new Simulation(loaded)
    let k = 0
    for (; k < 2000; k++) {
      probe.step()
      const phase = probe.world.state.agents.cols.phase
      const using = phase.some((p, i) => i < probe.world.state.agents.count && p === Phase.using)
      const queued = probe.world.state.objects.queue.some((q) => q.length > 0)
      if (using && queued) break
    }
    expect(k).toBeLessThan(2000)
    const n = k + 400
    expect(hashWorld(resumed(loaded, k + 1, n).world, sha256)).toBe(hashWorld(run(new Simulation(loaded), n).world, sha256))
  })

  it('continues mid-perturbation (the blackout scenario)', async () => {
    const loaded = await load('scenarios/blackout.yaml')
    const probe = new Simulation(loaded)
    let k = 0
    for (; k < 3000 && probe.world.state.perturbations.active.length === 0; k++) probe.step()
    expect(probe.world.state.perturbations.active.length).toBeGreaterThan(0)
    const n = k + 300
    expect(hashWorld(resumed(loaded, k + 1, n).world, sha256)).toBe(hashWorld(run(new Simulation(loaded), n).world, sha256))
  })

  it('holds for any save tick and seed (property)', async () => {
    const base = await load('scenarios/queue_conflict.yaml')
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 299 }), fc.integer({ min: 0, max: 2 ** 31 }), async (k, seed) => {
        const loaded = { ...base, config: { ...base.config, seed } }
        expect(hashWorld(resumed(loaded, k, 300).world, sha256)).toBe(hashWorld(run(new Simulation(loaded), 300).world, sha256))
      }),
      { numRuns: 6 }
    )
  })

  it('refuses a state of another town, naming what differs, and leaves the fresh world as it was', async () => {
    const a = run(new Simulation(await load('default.yaml')), 10)
    const other = new Simulation(await load('scenarios/blackout.yaml'))
    const before = hashWorld(other.world, sha256)
    const restored = restoreWorld(other.world, worldSnapshot(a.world))
    expect(restored.ok).toBe(false)
    if (!restored.ok) expect(restored.problems.join('\n')).toMatch(/config_id/)
    expect(hashWorld(other.world, sha256)).toBe(before)
  })
})
