/**
 * The runtime state in one block: captured through JSON text and restored beside the same world,
 * it captures again to the same JSON; a refused block (any part of it) changes nothing in the
 * simulation and subscribes no router to it.
 */
import { describe, expect, it } from 'vitest'
import type { ConsoleResult } from '../../shared/contract/dto/console'
import { consoleTown, CONSOLE_TOWN } from '../console/testing/console-town'
import { parseConfigText } from '../config/load-config'
import { restoreWorld } from '../sim/snapshot/restore-world'
import { worldSnapshot } from '../sim/hash/world-snapshot'
import { TelemetryHub } from '../telemetry/telemetry-hub'
import { captureRuntimeState, restoreRuntimeState } from './shard-state-json'
import { Simulation } from './simulation'

function townAfter(ticks: number) {
  const t = consoleTown()
  const hub = TelemetryHub.create(t.world.params.config)
  t.sim.onTick((events, decisions) => hub.observe({ world: t.world, events, decisions }))
  for (let k = 0; k < ticks; k++) t.sim.step()
  t.send('setneed', { agent: 'alice', need: 'hunger', value: 0.4 }, 'n-1')
  t.send('help', {}, 'h-1')
  t.sim.policy.trace('alice')
  return { ...t, hub }
}

/** A simulation around a copy of `sim`'s world, as a load builds it. */
function beside(sim: Simulation): Simulation {
  const loaded = parseConfigText(CONSOLE_TOWN, 'console-town.yaml')
  if (!loaded.ok) throw new Error(loaded.error.message)
  const world = restoreWorld(new Simulation(loaded.value).world, JSON.parse(JSON.stringify(worldSnapshot(sim.world))))
  if (!world.ok) throw new Error(world.problems.join('; '))
  return new Simulation(loaded.value, { resume: { world: world.world, lastEvents: sim.lastTickEvents } })
}

describe('captureRuntimeState / restoreRuntimeState', () => {
  it('round-trips through JSON text: policy, console and telemetry blocks', () => {
    const t = townAfter(30)
    const json = captureRuntimeState(t.sim, t.router, t.hub)
    expect(Object.keys(json)).toEqual(['schema_version', 'policy', 'console', 'telemetry'])
    expect(json.console.pending_ops).toEqual([{ op: 'set_need', agent: 0, need: 'hunger', value: 0.4, cmd_id: 'n-1' }])
    const text = JSON.stringify(json)
    const sim = beside(t.sim)
    const finals: ConsoleResult[] = []
    const restored = restoreRuntimeState(sim, JSON.parse(text), { router: { onResult: (r) => finals.push(r) } })
    if (!restored.ok) throw new Error(restored.error.message)
    const { router, hub } = restored.value
    expect(captureRuntimeState(sim, router, hub)).toEqual(JSON.parse(text))
    // The restored router finalises the queued command from the restored queue's tick.
    sim.step()
    expect(finals.map((f) => [f.cmd_id, f.status])).toEqual([['n-1', 'ok']])
    // Without a router or hub, those blocks are null and nothing is built for them.
    const bare = captureRuntimeState(t.sim)
    expect([bare.console.router, bare.telemetry]).toEqual([null, null])
    expect(restoreRuntimeState(beside(t.sim), JSON.parse(JSON.stringify(bare)))).toEqual({ ok: true, value: {} })
  })

  it('refuses a block that is not one, naming where, and leaves the simulation as it was', () => {
    const t = townAfter(10)
    const good = JSON.parse(JSON.stringify(captureRuntimeState(t.sim, t.router, t.hub)))
    const sim = beside(t.sim)
    sim.enqueue({ op: 'set_wallet', agent: 1, value: 3 })
    const before = { policy: JSON.stringify(sim.policy.toJSON()), ops: sim.pendingOps() }
    const refused = (json: unknown, where: RegExp) => {
      const r = restoreRuntimeState(sim, json)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('snapshot.invalid')
        expect(r.error.message).toMatch(where)
      }
      expect({ policy: JSON.stringify(sim.policy.toJSON()), ops: sim.pendingOps() }).toEqual(before)
    }
    refused(null, /runtime state/)
    refused({ ...good, schema_version: 2 }, /schema_version/)
    refused({ ...good, console: { ...good.console, pending_ops: [{ op: 'nope' }] } }, /console\.pending_ops\.0/)
    refused({ ...good, console: { ...good.console, pending_ops: [] } }, /console\.router\.pending\.0: command "n-1" waits for its tick but no pending op carries its cmd_id/)
    refused({ ...good, console: { ...good.console, router: { ...good.console.router, idempotency: { ...good.console.router.idempotency, capacity: 0 } } } }, /console\.router\.idempotency\.capacity/)
    refused({ ...good, telemetry: { ...good.telemetry, tick: -1 } }, /telemetry\.tick/)
    refused({ ...good, policy: { ...good.policy, reuse_warning: 'yes' } }, /policy\.reuse_warning/)
    // No router was left listening: a tick finalises nothing.
    const listening = (sim as unknown as { tickListeners: Set<unknown> }).tickListeners.size
    expect(listening).toBe(0)
  })

  it('refuses to capture half a step', async () => {
    const t = consoleTown()
    const step = t.sim.stepAsync()
    expect(() => captureRuntimeState(t.sim)).toThrow(/step is in flight/)
    await step
    expect(captureRuntimeState(t.sim).policy.schema_version).toBe(1)
  })
})
