/**
 * Resume parity with a real ONNX model: N ticks in one go, or k ticks, a capture (the world's
 * JSON, the last tick's events and the runtime state beside the world) through JSON text, a
 * restore into a freshly built simulation with the model loaded again, and N−k more, give the
 * same world hash at every tick after k. k falls mid-commitment (an agent's commitment window
 * open on an option in progress) and mid-anneal (ratio strictly between 0 and 1, a schedule
 * step still to come), with console ops and a possessed agent pending; the console's final
 * results, the telemetry and the runtime's own state come out the same too.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleResult } from '../../shared/contract/dto/console'
import { loadConfigFile, type LoadedConfig } from '../config/load-config'
import { ConsoleRouter } from '../console/console-router'
import { testWorkspace } from '../fs/testing/test-workspace'
import { loadOnnxPolicy } from '../policy/runtime/onnx-policy'
import { hashWorld } from '../sim/hash/hash-world'
import { worldSnapshot } from '../sim/hash/world-snapshot'
import { restoreWorld } from '../sim/snapshot/restore-world'
import { Phase } from '../sim/state/agent-store'
import type { SimEvent } from '../sim/state/world'
import type { SocietyTelemetry } from '../telemetry/telemetry-hub'
import { TelemetryHub } from '../telemetry/telemetry-hub'
import { captureRuntimeState, restoreRuntimeState } from './shard-state-json'
import { Simulation } from './simulation'

const RELEASE = resolve(__dirname, '../../configs/policies/release.onnx')
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

let base: LoadedConfig
beforeAll(async () => {
  const loaded = await loadConfigFile(resolve(__dirname, '../../configs/default.yaml'), await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  base = loaded.value
})

/** Mid-anneal: a ratio strictly between 0 and 1, and a schedule step after the save. */
function annealed(seed: number, ratio: number, stepAt: number): LoadedConfig {
  const anneal = { ratio, schedule: [{ tick: stepAt, ratio: 0.25 }] }
  return { ...base, config: { ...base.config, seed, policy: { ...base.config.policy, anneal } } }
}

/** A simulation driven by the release model, with a console router and a telemetry hub on its ticks. */
interface Rig {
  sim: Simulation
  router: ConsoleRouter
  hub: TelemetryHub
  finals: ConsoleResult[]
  telemetry: SocietyTelemetry[]
  hashes: string[]
  /** The runtime's own state after each tick (its last batch holds the observations the model saw). */
  runtime: string[]
}

async function withModel(sim: Simulation): Promise<void> {
  const model = await loadOnnxPolicy(RELEASE, sim.policy.spec)
  if (!model.ok) throw new Error(model.error.message)
  sim.policy.use(model.value)
}

function rig(sim: Simulation, parts: { router?: ConsoleRouter; hub?: TelemetryHub; finals?: ConsoleResult[] } = {}): Rig {
  const finals = parts.finals ?? []
  const r: Rig = { sim, router: parts.router ?? new ConsoleRouter(sim, { onResult: (x) => finals.push(x) }), hub: parts.hub ?? TelemetryHub.create(sim.world.params.config), finals, telemetry: [], hashes: [], runtime: [] }
  sim.onTick((events, decisions) => {
    r.telemetry.push(r.hub.observe({ world: sim.world, events, decisions }))
    r.hashes.push(hashWorld(sim.world, sha256))
  })
  return r
}

async function run(r: Rig, ticks: number): Promise<void> {
  for (let t = 0; t < ticks; t++) {
    await r.sim.stepAsync()
    r.runtime.push(JSON.stringify(r.sim.policy.toJSON()))
  }
}

/**
 * A teleport that lands in the save's tick: its event is among the last tick's events, which the
 * policy reads when it decides the next tick (the agent's context resets).
 */
function teleportLandingAtSave(r: Rig): void {
  const { world } = r.sim
  const { width, height } = world.params.map
  const a = world.state.agents.cols
  let to = -1
  for (let tile = width * height - 1; tile >= 0 && to < 0; tile--) if (world.params.blocked[tile] !== 1 && world.state.tileCount[tile] === 0) to = tile
  const x = to % width
  const y = Math.floor(to / width)
  expect([a.x[3], a.y[3]]).not.toEqual([x, y])
  r.router.submit({ name: 'teleport', args: { agent: world.state.agents.ids[3]!, x, y }, cmd_id: 't-1', issuer: 'op', role: 'admin' })
}

/** What the operator does just before the save (and the straight run at the same tick). */
function operatorActs(r: Rig): void {
  const a = r.sim.world.state.agents
  r.router.submit({ name: 'possess', args: { agent: a.ids[1]! }, cmd_id: 'p-1', issuer: 'op', role: 'admin' })
  r.router.submit({ name: 'setneed', args: { agent: a.ids[2]!, need: 'hunger', value: 0.35 }, cmd_id: 'n-1', issuer: 'op', role: 'admin' })
}

/** The first tick ≥ `from` at which some agent is inside its commitment window on an option in progress. */
async function midCommitment(loaded: LoadedConfig, from: number, limit: number): Promise<number> {
  const probe = new Simulation(loaded)
  await withModel(probe)
  const commit = probe.world.params.behavior.option_commit_ticks
  for (let t = 1; t <= limit; t++) {
    await probe.stepAsync()
    if (t < from) continue
    const { cols, count } = probe.world.state.agents
    for (let i = 0; i < count; i++) {
      const busy = cols.phase[i] !== Phase.none && cols.phase[i] !== Phase.done && cols.phase[i] !== Phase.failed
      if (cols.alive[i] === 1 && busy && cols.option[i] !== 0 && probe.world.state.tick - cols.optionSince[i]! < commit) return t
    }
  }
  throw new Error(`no agent mid-commitment between ticks ${from} and ${limit}`)
}

/** k ticks, capture through JSON text, restore into a fresh simulation, n−k more. */
async function resumed(loaded: LoadedConfig, k: number, n: number): Promise<Rig> {
  const first = new Simulation(loaded)
  await withModel(first)
  const before = rig(first)
  await run(before, k - 1)
  teleportLandingAtSave(before)
  await run(before, 1)
  expect(first.lastTickEvents.some((e) => e.type === 'agent_teleported')).toBe(true)
  operatorActs(before)
  const text = JSON.stringify({ world: worldSnapshot(first.world), last_events: first.lastTickEvents, runtime: captureRuntimeState(first, before.router, before.hub) })
  const saved = JSON.parse(text) as { world: unknown; last_events: SimEvent[]; runtime: unknown }

  const fresh = new Simulation(loaded)
  const world = restoreWorld(fresh.world, saved.world)
  if (!world.ok) throw new Error(world.problems.join('; '))
  const sim = new Simulation(loaded, { resume: { world: world.world, lastEvents: saved.last_events } })
  await withModel(sim)
  const finals: ConsoleResult[] = []
  const restored = restoreRuntimeState(sim, saved.runtime, { router: { onResult: (x) => finals.push(x) } })
  if (!restored.ok) throw new Error(restored.error.message)
  const after = rig(sim, { ...restored.value, finals })
  await run(after, n - k)
  return after
}

async function straight(loaded: LoadedConfig, k: number, n: number): Promise<Rig> {
  const sim = new Simulation(loaded)
  await withModel(sim)
  const r = rig(sim)
  await run(r, k - 1)
  teleportLandingAtSave(r)
  await run(r, 1)
  operatorActs(r)
  await run(r, n - k)
  return r
}

function expectSameFrom(k: number, whole: Rig, resumedRig: Rig): void {
  // Every tick after k, in order (the first mismatch names its tick).
  const from = whole.hashes.slice(k)
  expect(resumedRig.hashes.length).toBe(from.length)
  for (let t = 0; t < from.length; t++) if (resumedRig.hashes[t] !== from[t]) expect(`tick ${k + t + 1}: ${resumedRig.hashes[t]}`).toBe(`tick ${k + t + 1}: ${from[t]}`)
  expect(resumedRig.runtime).toEqual(whole.runtime.slice(k))
  expect(resumedRig.telemetry).toEqual(whole.telemetry.slice(k))
  expect(resumedRig.finals).toEqual(whole.finals.filter((f) => f.tick > k))
  expect(resumedRig.sim.policy.toJSON()).toEqual(whole.sim.policy.toJSON())
  expect(resumedRig.router.toJSON()).toEqual(whole.router.toJSON())
}

describe('resume parity with the ONNX policy', () => {
  it('continues mid-commitment and mid-anneal to the same hash at every tick', async () => {
    const loaded = annealed(11, 0.6, 170)
    const k = await midCommitment(loaded, 20, 160)
    const n = 240
    const whole = await straight(loaded, k, n)
    const again = await resumed(loaded, k, n)
    expect(whole.sim.world.state.policy.anneal_ratio).toBe(0.25)
    // The operator's commands were queued at the save and applied after it, on both sides.
    expect(whole.finals.map((f) => [f.cmd_id, f.status, f.tick])).toEqual([
      ['t-1', 'ok', k],
      ['p-1', 'ok', k + 1],
      ['n-1', 'ok', k + 1]
    ])
    expectSameFrom(k, whole, again)
  }, 120_000)

  it('holds for any save tick, seed and ratio (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 119 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(0.2, 0.5, 0.8), async (k, seed, ratio) => {
        const loaded = annealed(seed, ratio, 100)
        expectSameFrom(k, await straight(loaded, k, 120), await resumed(loaded, k, 120))
      }),
      { numRuns: 4 }
    )
  }, 240_000)
})
