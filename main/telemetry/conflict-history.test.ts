/**
 * The conflict caches: whatever arrives, each list holds at most its limit and keeps exactly the
 * newest entries (property, against a plain list as the model); JSON round-trips; a smaller limit
 * on restore keeps the newest; the hub carries the caches through its snapshot form, and a hub
 * saved before they existed restores with empty ones.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../scenarios/scenario-harness'
import type { SimEvent } from '../sim/state/world'
import { showerRoom } from '../sim/testing/test-world'
import { ConflictHistory, type RivalryHistoryEntry } from './conflict-history'
import { TelemetryHub } from './telemetry-hub'
import { runWithHub } from './testing/hub-runner'

type Step = { kind: 'conflict' | 'rivalry' | 'avoid' | 'possess' | 'release' | 'rotate' | 'quiet'; agent: number }
const step = fc.record({ kind: fc.constantFrom('conflict', 'rivalry', 'avoid', 'possess', 'release', 'rotate', 'quiet'), agent: fc.integer({ min: 0, max: 9 }) }) as fc.Arbitrary<Step>

function eventsOf(s: Step, tick: number): SimEvent[] {
  const id = `a${s.agent}`
  const e = (fields: Record<string, unknown>) => [{ tick, ...fields } as unknown as SimEvent]
  switch (s.kind) {
    case 'conflict':
      return e({ type: 'queue_conflict', object_id: 'shower_1', actor: id, rival: 'b', reason: 'handover', queue_length: 2, intensity: 0.625 })
    case 'rivalry':
      return e({ type: 'rivalry_changed', agent_id: id, other: 'b', value: 0.5, delta: 0.1, reason: 'chat_failure' })
    case 'avoid':
      return e({ type: 'rivalry_avoidance', agent_id: id, other: 'b', object_id: 'shower_1' })
    case 'possess':
    case 'release':
      return e({ type: 'policy.possession', agent_id: id, possessed: s.kind === 'possess', by: 'console' })
    default:
      return []
  }
}

describe('ConflictHistory', () => {
  it('holds at most its limit, keeps the newest, and round-trips through JSON (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(step, { maxLength: 200 }), (limit, steps) => {
        const world = showerRoom(1, 2)
        const history = new ConflictHistory(limit)
        const rivalries: RivalryHistoryEntry[] = []
        // The model of the bounded set: possessions in order, the oldest forgotten as soon as one more would pass the limit.
        const possessed: string[] = []
        steps.forEach((s, tick) => {
          if (s.kind === 'rotate') world.state.counters.rotation_events++
          const events = eventsOf(s, tick)
          history.observe(tick, world, events)
          for (const e of events) {
            if (e.type === 'rivalry_changed' || e.type === 'rivalry_avoidance') rivalries.push(history.rivalryEvents(1)[0]!)
            if (e.type === 'policy.possession') {
              const at = possessed.indexOf(`a${s.agent}`)
              if (at >= 0) possessed.splice(at, 1)
              if (s.kind === 'possess') possessed.push(`a${s.agent}`)
              if (possessed.length > limit) possessed.shift()
            }
          }
        })
        const sizes = history.sizes()
        expect(sizes.queue).toBeLessThanOrEqual(limit)
        expect(sizes.rivalries).toBe(Math.min(limit, rivalries.length))
        expect(history.rivalryEvents()).toEqual(rivalries.slice(-limit))
        expect(history.rivalryEvents(3)).toEqual(rivalries.slice(-Math.min(3, limit)))
        const kept = [...possessed].sort()
        expect(history.possessed()).toEqual(kept)
        const copy = ConflictHistory.fromJSON(limit, JSON.parse(JSON.stringify(history.toJSON())))
        expect(copy.toJSON()).toEqual(history.toJSON())
      }),
      {
        numRuns: 150,
        // Found by CI: at limit 1, a second possession forgets the first, which a release does not bring back.
        examples: [
          [
            1,
            [
              { kind: 'possess', agent: 2 },
              { kind: 'possess', agent: 1 },
              { kind: 'release', agent: 1 }
            ]
          ]
        ]
      }
    )
  })

  it('costs one entry per busy tick: 100,000 events later it still holds its limit', () => {
    const world = showerRoom(1, 2)
    const history = new ConflictHistory(256)
    for (let tick = 1; tick <= 100_000; tick++) {
      world.state.counters.ghost_step_events++
      history.observe(tick, world, eventsOf({ kind: tick % 2 ? 'rivalry' : 'conflict', agent: tick % 10 }, tick))
    }
    expect(history.sizes()).toEqual({ queue: 256, rivalries: 256, possessed: 0 })
    expect(history.queueHistory(1)[0]).toEqual({ tick: 100_000, delta: { cooldown_events: 0, ghost_step_events: 1, rotation_events: 0 }, totals: { cooldown_events: 0, ghost_step_events: 100_000, rotation_events: 0 }, conflicts: 1, intensity: 0.625 })
    expect(history.rivalryEvents(1)[0]!.tick).toBe(99_999)
  })

  it('on restore under a smaller limit keeps the newest entries', () => {
    const world = showerRoom(1, 2)
    const history = new ConflictHistory(50)
    for (let tick = 0; tick < 40; tick++) history.observe(tick, world, eventsOf({ kind: 'avoid', agent: tick % 10 }, tick))
    const smaller = ConflictHistory.fromJSON(5, history.toJSON())
    expect(smaller.rivalryEvents().map((r) => r.tick)).toEqual([35, 36, 37, 38, 39])
  })

  it('refuses a limit that is not a positive whole number', () => {
    for (const bad of [0, -1, 2.5, Number.NaN]) expect(() => new ConflictHistory(bad)).toThrow(/positive whole limit/)
  })
})

describe('TelemetryHub conflict caches in snapshots', () => {
  it('carries them through toJSON/fromJSON on a real town, and restores an older hub (no caches) empty', async () => {
    const s = await loadScenario('scenarios/queue_conflict.yaml')
    const world = s.sim.world
    const { hub } = runWithHub(world, 400)
    expect(hub.conflicts.sizes().queue).toBeGreaterThan(0)
    const json = JSON.parse(JSON.stringify(hub.toJSON())) as Record<string, unknown>
    const restored = TelemetryHub.fromJSON(world.params.config, json)
    if (!restored.ok) throw new Error(restored.error.message)
    expect(restored.value.conflicts.toJSON()).toEqual(hub.conflicts.toJSON())

    const { conflicts: _dropped, ...older } = json
    const old = TelemetryHub.fromJSON(world.params.config, older)
    if (!old.ok) throw new Error(old.error.message)
    expect(old.value.conflicts.sizes()).toEqual({ queue: 0, rivalries: 0, possessed: 0 })
    // Its first tick sets the counters' base; from the next on it records again.
    runWithHub(world, 200, world.params.config, old.value)
    expect(old.value.conflicts.toJSON().previous).toEqual(world.state.counters)
  }, 60_000)

  it('refuses a saved cache that is not one, naming where', async () => {
    const s = await loadScenario('scenarios/queue_conflict.yaml')
    const world = s.sim.world
    const { hub } = runWithHub(world, 50)
    const json = JSON.parse(JSON.stringify(hub.toJSON())) as { conflicts: Record<string, unknown> }
    for (const conflicts of [{ ...json.conflicts, queue: 'x' }, { ...json.conflicts, rivalries: [{ tick: 1, type: 'rivalry_exploded' }] }, { ...json.conflicts, possessed: Array.from({ length: 5000 }, () => 'a') }]) {
      const r = TelemetryHub.fromJSON(world.params.config, { ...json, conflicts })
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.message).toMatch(/telemetry\.conflicts\./)
    }
  }, 60_000)
})
