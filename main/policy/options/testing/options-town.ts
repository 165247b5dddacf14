/**
 * Test support: a town with every kind of object, a workplace and jobs on a short day, so every
 * option can be available or not depending on the tick, needs, stock and who stands where.
 */
import { testWorld } from '../../../sim/testing/test-world'
import type { World } from '../../../sim/state/world'

export function optionsTown(options: { population?: number; seed?: number; society?: string } = {}): World {
  return testWorld(`config_id: options_town
seed: ${options.seed ?? 1}
society: ${options.society ?? '{}'}
world:
  ticks_per_day: 96
  start_time: "06:00"
  population: ${options.population ?? 6}
  tile_capacity: 4
  layout:
    map: |
      ####################
      #..................#
      #.F.S..H..B..B.....#
      #..................#
      #########.##########
      #..................#
      #..W...........W...#
      ####################
    homes:
      - { id: flat, area: [1, 1, 18, 3] }
    workplaces:
      - { id: works, area: [1, 5, 18, 2] }
jobs:
  clerk: { workplace: works, start: "08:00", end: "12:00" }
`)
}
