import { describe, expect, it } from 'vitest'
import { eventsOfType } from '../../sim/events/event-map'
import { runAvoidanceRoom } from './testing/avoidance-room'

function run(showers: string, benAvoidsAnna: boolean, ticks = 80) {
  const { world, events } = runAvoidanceRoom(showers, benAvoidsAnna, ticks)
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
