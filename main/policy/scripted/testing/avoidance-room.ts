/**
 * Test support: the room where the scripted controller's rivalry avoidance shows. Two showers far
 * apart; anna stands at the first, ben a few steps from it; both need a wash, and ben may hold a
 * rivalry against anna.
 */
import type { SimEvent, World } from '../../../sim/state/world'
import { syncAgents } from '../../../sim/society/sync-agents'
import { adjustTie } from '../../../sim/society/tie-ledger'
import { testWorld } from '../../../sim/testing/test-world'
import { tick } from '../../../sim/tick'
import { decideScripted } from '../scripted-controller'

/** The room's config; `showers` is the middle row between the walls, e.g. `H........H`. */
export const ROOM = (showers: string) => `config_id: avoid
seed: 2
rewards:
  decay_rates: { hunger: 0, hygiene: 0, energy: 0 }
society:
  chat: { enabled: false }
  rivalry: { decay_per_tick: 0 }
world:
  tile_capacity: 8
  agents:
    - { id: anna, at: [2, 1], needs: { hunger: 0.9, hygiene: 0.1, energy: 0.9 } }
    - { id: ben, at: [4, 3], needs: { hunger: 0.9, hygiene: 0.2, energy: 0.9 } }
  layout:
    map: |
      ##############
      #............#
      #.${showers}.#
      #............#
      ##############
    homes:
      - { id: flat, area: [1, 1, 12, 3] }
`

/** Run the room with the scripted controller for `ticks` ticks; every tick's events, in order. */
export function runAvoidanceRoom(showers: string, benAvoidsAnna: boolean, ticks = 80): { world: World; events: SimEvent[] } {
  const world = testWorld(ROOM(showers))
  syncAgents(world)
  if (benAvoidsAnna) adjustTie(world, 1, 0, { rivalry: 0.9 })
  const events: SimEvent[] = []
  for (let t = 0; t < ticks; t++) events.push(...tick(world, { decisions: decideScripted(world), console: [] }))
  return { world, events }
}
