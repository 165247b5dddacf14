import { describe, expect, it } from 'vitest'
import { eventsOfType } from '../../sim/events/event-map'
import type { SimEvent } from '../../sim/state/world'
import { syncAgents } from '../../sim/society/sync-agents'
import { adjustTie } from '../../sim/society/tie-ledger'
import { testWorld } from '../../sim/testing/test-world'
import { tick } from '../../sim/tick'
import { decideScripted } from './scripted-controller'

/** Two showers far apart; anna stands at the first, ben a few steps from it; both need a wash. */
const ROOM = (showers: string) => `config_id: avoid
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

function run(showers: string, benAvoidsAnna: boolean, ticks = 80) {
  const world = testWorld(ROOM(showers))
  syncAgents(world)
  if (benAvoidsAnna) adjustTie(world, 1, 0, { rivalry: 0.9 })
  const events: SimEvent[] = []
  for (let t = 0; t < ticks; t++) events.push(...tick(world, { decisions: decideScripted(world), console: [] }))
  const used = (agent: string) => eventsOfType(events, 'affordance_start').filter((e) => e.agent_id === agent).map((e) => e.object_id)
  return { world, events, used }
}

describe('rivalry avoidance with the scripted controller', () => {
  it('without a rivalry, ben queues behind anna for the nearer shower', () => {
    const { used, events } = run('H........H', false)
    expect(used('anna')).toEqual(['shower_1'])
    expect(used('ben')).toEqual(['shower_1'])
    expect(events.filter((e) => e.type === 'rivalry_avoidance')).toEqual([])
  })

  it('ben turns away from the shower anna holds and uses the other one, and says so once', () => {
    const { used, events, world } = run('H........H', true)
    expect(used('anna')).toEqual(['shower_1'])
    expect(used('ben')).toEqual(['shower_2'])
    expect(events.filter((e) => e.type === 'rivalry_avoidance')).toEqual([expect.objectContaining({ agent_id: 'ben', other: 'anna', object_id: 'shower_1' })])
    expect(world.state.society.counters.avoidances).toBe(1)
  })

  it('with only one shower, ben shares it with his rival rather than go unwashed', () => {
    const { used, events } = run('H.........', true)
    expect(used('ben')).toEqual(['shower_1'])
    expect(events.filter((e) => e.type === 'rivalry_avoidance')).toEqual([])
  })
})
