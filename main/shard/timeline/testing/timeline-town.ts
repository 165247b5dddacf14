/**
 * Test support: a generated town on the scripted policy with a session timeline, a live hash and
 * event counts recorded at every tick, and console ops queued at chosen ticks (they apply at the
 * next tick boundary, as the console's do).
 */
import { createHash } from 'node:crypto'
import { parseConfigText, type LoadedConfig } from '../../../config/load-config'
import { hashWorld } from '../../../sim/hash/hash-world'
import type { ConsoleOp } from '../../../sim/inputs'
import type { Simulation } from '../../simulation'
import { SessionTimeline, type SessionTimelineOptions } from '../session-timeline'

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

export function townConfig(population = 12, seed = 3): LoadedConfig {
  const yaml = [`config_id: timeline-${population}`, `seed: ${seed}`, 'world:', `  population: ${population}`, '  generate: {}', 'jobs:', '  day: { start: "09:00", end: "17:00" }', ''].join('\n')
  const loaded = parseConfigText(yaml, 'timeline-town.yaml')
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

/** Console ops for the tick after `tick`: a few kinds, so replays cover each path. */
export function opsAfter(tick: number): ConsoleOp[] {
  if (tick % 17 === 5) return [{ op: 'set_need', agent: tick % 5, need: 'hunger', value: 0.2, cmd_id: `n-${tick}` }]
  if (tick % 23 === 7) return [{ op: 'set_wallet', agent: 1, value: 3 + (tick % 4) }, { op: 'set_price', key: 'meal_cost', value: 1.1, mode: 'multiply' }]
  return []
}

export interface Recorder {
  sim: Simulation
  timeline: SessionTimeline
  /** hashes[t]: the live state hash after tick t (hashes[start] before any step). */
  hashes: Map<number, string>
  events: Map<number, Record<string, number>>
  run(ticks: number, ops?: (tick: number) => ConsoleOp[]): void
}

export function record(sim: Simulation, loaded: LoadedConfig, options: SessionTimelineOptions = {}): Recorder {
  const timeline = new SessionTimeline(sim, loaded, options)
  const r: Recorder = {
    sim,
    timeline,
    hashes: new Map([[sim.world.state.tick, hashWorld(sim.world, sha256)]]),
    events: new Map(),
    run(ticks, ops = opsAfter) {
      for (let k = 0; k < ticks; k++) {
        for (const op of ops(r.sim.world.state.tick)) r.sim.enqueue(op)
        r.sim.step()
      }
    }
  }
  watch(r, sim)
  return r
}

/** Record `sim`'s hashes and event counts into `r` from now on (a fork's or a reopened simulation). */
export function watch(r: Recorder, sim: Simulation): void {
  r.sim = sim
  sim.onTick((events) => {
    const counts: Record<string, number> = {}
    for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1
    r.hashes.set(sim.world.state.tick, hashWorld(sim.world, sha256))
    r.events.set(sim.world.state.tick, counts)
  })
}
