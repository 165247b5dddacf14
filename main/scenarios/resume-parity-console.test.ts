/**
 * Resume parity with the console in play (issue 13 item 3, beside resume-parity.test.ts): N ticks
 * in one go equal k ticks, a save through JSON text, a restore into a freshly built town and N−k
 * more, with the same console operations at the same ticks — k falling mid-possession (an
 * operator walking an agent), mid-anneal-schedule, mid-employment-exit-queue, mid-respawn and
 * mid-console-perturbation, and drawn by fast-check with spawns, kills and possession mixed in.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadConfigFile, type LoadedConfig } from '../config/load-config'
import { testWorkspace } from '../fs/testing/test-workspace'
import { Simulation } from '../shard/simulation'
import { hashWorld } from '../sim/hash/hash-world'
import { worldSnapshot } from '../sim/hash/world-snapshot'
import type { ConsoleOp } from '../sim/inputs'
import { restoreWorld } from '../sim/snapshot/restore-world'
import { Phase } from '../sim/state/agent-store'
import { CONFIGS_DIR } from './scenario-harness'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
/** Console operations to queue before the step that makes tick t+1 (a function of t alone, so both runs get the same). */
type Script = (t: number) => ConsoleOp[]
const none: Script = () => []

async function load(name: string, patch: (c: LoadedConfig['config']) => LoadedConfig['config'] = (c) => c): Promise<LoadedConfig> {
  const loaded = await loadConfigFile(resolve(CONFIGS_DIR, name), await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  return { ...loaded.value, config: patch(loaded.value.config) }
}

function drive(sim: Simulation, until: number, script: Script, each?: (sim: Simulation) => void): Simulation {
  for (let t = sim.world.state.tick; t < until; t++) {
    for (const op of script(t)) sim.enqueue(op)
    sim.step()
    each?.(sim)
  }
  return sim
}

/** Compared every CHECK ticks after the save, not only at the end: a later console op or schedule entry could hide a lost value. */
const CHECK = 10

/** Save after k ticks, restore into a fresh town, and hand the restored world to a new Simulation. */
function resume(loaded: LoadedConfig, first: Simulation): Simulation {
  const text = JSON.stringify({ world: worldSnapshot(first.world), last_events: first.lastTickEvents })
  const saved = JSON.parse(text) as { world: unknown; last_events: [] }
  const restored = restoreWorld(new Simulation(loaded).world, saved.world)
  if (!restored.ok) throw new Error(restored.problems.join('; '))
  return new Simulation(loaded, { resume: { world: restored.world, lastEvents: saved.last_events } })
}

function expectParity(loaded: LoadedConfig, k: number, n: number, script: Script, atSave?: (sim: Simulation) => void): Simulation {
  const first = drive(new Simulation(loaded), k, script)
  atSave?.(first)
  const hashes = new Map<number, string>()
  const note = (sim: Simulation) => {
    const t = sim.world.state.tick
    if (t > k && ((t - k) % CHECK === 0 || t === n)) hashes.set(t, hashWorld(sim.world, sha256))
  }
  const straight = drive(new Simulation(loaded), n, script, note)
  const seen = new Map<number, string>()
  const second = drive(resume(loaded, first), n, script, (sim) => {
    const t = sim.world.state.tick
    if (hashes.has(t)) seen.set(t, hashWorld(sim.world, sha256))
  })
  expect(second.world.state.tick).toBe(n)
  expect(seen).toEqual(hashes)
  return straight
}

describe('resume parity with the console', () => {
  it('holds mid-possession, while the operator walks an agent', async () => {
    const loaded = await load('default.yaml')
    const probe = new Simulation(loaded).world
    const agent = 2
    const tile = probe.state.agents.cols.workTile[agent]!
    const width = probe.params.map.width
    const script: Script = (t) =>
      t === 5 ? [{ op: 'possess', agent }] : t === 20 ? [{ op: 'operator_act', agent, option: 'idle', object: -1, tile }] : t === 200 ? [{ op: 'release', agent }] : []
    expectParity(loaded, 26, 400, script, (sim) => {
      const a = sim.world.state.agents.cols
      expect(a.possessed[agent]).toBe(1)
      expect(a.phase[agent]).toBe(Phase.walking)
      expect(a.y[agent]! * width + a.x[agent]!).not.toBe(tile)
    })
  })

  it('holds mid-anneal-schedule, with a console anneal_set after the save', async () => {
    const loaded = await load('default.yaml', (c) => ({ ...c, policy: { ...c.policy, anneal: { ratio: 1, schedule: [{ tick: 40, ratio: 0.6 }, { tick: 120, ratio: 0.3 }] } } }))
    const script: Script = (t) => (t === 150 ? [{ op: 'anneal_set', ratio: 0.9 }] : [])
    expectParity(loaded, 80, 300, script, (sim) => expect(sim.world.state.policy.anneal_ratio).toBe(0.6))
  })

  it('holds mid-employment-exit-queue, with the approval after the save', async () => {
    const loaded = await load('default.yaml', (c) => ({ ...c, employment: { ...c.employment, enforce_exits: true, max_absent_shifts: 1, review_window_ticks: 100_000, daily_exit_cap: 0 } }))
    const probe = new Simulation(loaded)
    const agent = Array.from(probe.world.state.agents.cols.job).findIndex((j, i) => i < probe.world.state.agents.count && j >= 0)
    // Possessed and never moved, the agent misses its shift and joins the exit queue.
    const hold: Script = (t) => (t === 0 ? [{ op: 'possess', agent }] : [])
    let k = 0
    for (; k < 2000 && probe.world.state.lifecycle.employment.queue.length === 0; k++) drive(probe, k + 1, hold)
    expect(probe.world.state.lifecycle.employment.queue.map((q) => q.agent)).toEqual([agent])
    k += 5
    const script: Script = (t) => (t === k + 40 ? [{ op: 'employment_exit', agent, action: 'approve' }] : hold(t))
    const straight = expectParity(loaded, k, k + 200, script, (sim) => expect(sim.world.state.lifecycle.employment.queue).toHaveLength(1))
    expect(straight.world.state.agents.cols.alive[agent]).toBe(0)
  })

  it('holds mid-respawn (the starvation scenario: exits held at the gate, replacements due)', async () => {
    const loaded = await load('scenarios/starvation.yaml')
    const probe = new Simulation(loaded)
    let k = 0
    for (; k < 3000 && probe.world.state.lifecycle.respawns.length === 0; k++) probe.step()
    expect(probe.world.state.lifecycle.respawns.length).toBeGreaterThan(0)
    expectParity(loaded, k, k + 300, none)
  })

  it('holds mid-perturbation triggered from the console, with a spawn and a kill around the save', async () => {
    const loaded = await load('scenarios/blackout.yaml')
    const script: Script = (t) =>
      t === 10 ? [{ op: 'spawn', id: 'zed' }] : t === 150 ? [{ op: 'perturbation_trigger', spec: 'dry_taps', duration: 100 }] : t === 200 ? [{ op: 'kill', agent: 1 }] : []
    expectParity(loaded, 180, 400, script, (sim) => expect(sim.world.state.perturbations.active.some((e) => e.spec === 'dry_taps')).toBe(true))
  })

  it('holds for any save tick and seed, with possession, spawns and kills (property)', async () => {
    const base = await load('default.yaml')
    const script: Script = (t) =>
      t === 3 ? [{ op: 'possess', agent: 1 }, { op: 'spawn', id: 'late' }] : t === 60 ? [{ op: 'kill', agent: 4 }] : t === 90 ? [{ op: 'release', agent: 1 }] : []
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 239 }), fc.nat(2 ** 31 - 1), async (k, seed) => {
        expectParity({ ...base, config: { ...base.config, seed } }, k, 240, script)
      }),
      { numRuns: 5 }
    )
  })
})
