/**
 * Test support for the lifecycle: a small town on a 24-tick day (one tick an hour) where nobody
 * decides anything unless a test says so, so agents stand at home, miss every shift (one tick,
 * 09:00–10:00, ending at ticks 4, 28, 52 … of a run) and starve only when a test empties a need.
 */
import { testWorld } from '../testing/test-world'
import { eventsOfType } from '../events/event-map'
import type { SimEvent, SimEventOf, SimEventType, World } from '../state/world'
import { tick } from '../tick'
import type { ConsoleOp } from '../inputs'

/** Ticks at which a day's shift ends (`shift_ended`): the 10:00 tick with a 06:00 start. */
export const SHIFT_END = (day: number) => 4 + 24 * day

export function lifecycleTown(options: { population?: number; seed?: number; employment?: string; lifecycle?: string; jobs?: boolean } = {}): World {
  const jobs = options.jobs ?? true
  return testWorld(`config_id: lifecycle_town
seed: ${options.seed ?? 1}
rewards:
  decay_rates: { hunger: 0, hygiene: 0, energy: 0 }
world:
  ticks_per_day: 24
  start_time: "06:00"
  population: ${options.population ?? 3}
  tile_capacity: 8
  layout:
    map: |
      ##########
      #........#
      #.F..B...#
      #........#
      ###.######
      #........#
      #..W.....#
      ##########
    homes:
      - { id: flat, area: [1, 1, 8, 3] }
    workplaces:
      - { id: works, area: [1, 5, 8, 2] }
${jobs ? `jobs:
  clerk: { workplace: works, start: "09:00", end: "10:00" }
  porter: { workplace: works, start: "09:00", end: "10:00" }
` : ''}employment: { ${options.employment ?? ''} }
lifecycle: { ${options.lifecycle ?? ''} }
`)
}

export interface Run {
  events: SimEvent[]
  /** Run until the world's tick reaches `to`, applying `ops[t]` at tick t. */
  until(to: number, ops?: Record<number, ConsoleOp[]>): SimEvent[]
  ofType<K extends SimEventType>(type: K): SimEventOf<K>[]
}

export function runner(world: World): Run {
  const events: SimEvent[] = []
  return {
    events,
    until(to, ops = {}) {
      const out: SimEvent[] = []
      while (world.state.tick < to) out.push(...tick(world, { decisions: [], console: ops[world.state.tick + 1] ?? [] }))
      events.push(...out)
      return out
    },
    ofType: (type) => eventsOfType(events, type)
  }
}
