/**
 * Test support: a small room of frozen-need agents with the society section given, its
 * per-agent arrays already covering every agent, for tests of the society's passes.
 */
import type { World } from '../../state/world'
import { testWorld } from '../../testing/test-world'
import { syncAgents } from '../sync-agents'

export function societyTown(agents: number, society = '{}', extra = ''): World {
  const world = testWorld(`config_id: s
seed: 3
rewards:
  decay_rates: { hunger: 0, hygiene: 0, energy: 0 }
society: ${society}
${extra}world:
  population: ${agents}
  tile_capacity: 64
  layout:
    map: |
      ##########
      #........#
      #.H....H.#
      #........#
      #........#
      ##########
    homes:
      - { id: room, area: [1, 1, 8, 4] }
`)
  syncAgents(world)
  return world
}
