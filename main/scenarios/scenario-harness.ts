/**
 * Runs a real config file for scenario tests: the same loader, registry, engine and scripted
 * controller the app runs, with every event collected by type.
 */
import { resolve } from 'node:path'
import { loadConfigFile } from '../config/load-config'
import { Simulation } from '../shard/simulation'
import { eventsOfType } from '../sim/events/event-map'
import type { SimEvent, SimEventOf, SimEventType } from '../sim/state/world'
import { testWorkspace } from '../fs/testing/test-workspace'

export const CONFIGS_DIR = resolve(__dirname, '../../configs')

export interface ScenarioRun {
  sim: Simulation
  events: SimEvent[]
  /** Run `ticks` more ticks, calling `each` after every tick. */
  run(ticks: number, each?: (tick: number) => void): void
  /** Agent slot by id. */
  agent(id: string): number
  ofType<K extends SimEventType>(type: K): SimEventOf<K>[]
}

export async function loadScenario(relativePath: string): Promise<ScenarioRun> {
  const loaded = await loadConfigFile(resolve(CONFIGS_DIR, relativePath), await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  const events: SimEvent[] = []
  const sim = new Simulation(loaded.value, { onEvents: (e) => events.push(...e) })
  return {
    sim,
    events,
    run(ticks, each) {
      for (let t = 0; t < ticks; t++) {
        sim.step()
        each?.(sim.world.state.tick)
      }
    },
    agent(id) {
      const i = sim.world.state.agents.ids.indexOf(id)
      if (i < 0) throw new Error(`no agent ${id}`)
      return i
    },
    ofType: (type) => eventsOfType(events, type)
  }
}
