/**
 * The telemetry hub's snapshot form, driven through real towns: after any number of ticks a hub
 * rebuilt from the JSON text reports the same snapshot at once and observes every later tick
 * exactly as the original (stability and promotion windows, KPI history, narration throttling,
 * alerts), and writes the same JSON as it goes (property).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../scenarios/scenario-harness'
import { decideScripted } from '../policy/scripted/scripted-controller'
import { tick } from '../sim/tick'
import { TelemetryHub } from './telemetry-hub'

const TOWNS = ['default.yaml', 'scenarios/starvation.yaml', 'scenarios/employment_punctuality.yaml', 'scenarios/rivalry_decay.yaml', 'scenarios/queue_conflict.yaml']

describe('TelemetryHub JSON', () => {
  it('a restored hub observes the next ticks identically (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TOWNS), fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 250 }), fc.boolean(), async (town, before, after, drained) => {
        const s = await loadScenario(town)
        const world = s.sim.world
        const config = world.params.config
        const hub = TelemetryHub.create(config)
        const step = () => {
          const decisions = decideScripted(world)
          const events = tick(world, { decisions, console: [] })
          return { world, events, decisions }
        }
        for (let t = 0; t < before; t++) hub.observe(step())
        // Either way round: unread narrations are state too.
        if (drained) hub.snapshot()
        const text = JSON.stringify(hub.toJSON())
        const restored = TelemetryHub.fromJSON(config, JSON.parse(text))
        if (!restored.ok) throw new Error(restored.error.message)
        const copy = restored.value
        expect(copy.toJSON()).toEqual(JSON.parse(text))
        expect(copy.snapshot()).toEqual(hub.snapshot())
        for (let t = 0; t < after; t++) {
          const input = step()
          expect(copy.observe(input)).toEqual(hub.observe(input))
        }
        expect(copy.toJSON()).toEqual(hub.toJSON())
      }),
      { numRuns: 10 }
    )
  }, 120_000)
})
