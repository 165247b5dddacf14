import { describe, expect, it } from 'vitest'
import { applyOp } from '../console-ops'
import { exitAgent } from '../lifecycle/exit-agent'
import { setPossessed } from '../policy/possession'
import { agentsToJSON } from '../state/agent-json'
import { Phase } from '../state/agent-store'
import { objectsToJSON } from '../state/object-json'
import { resetTickEvents, type World } from '../state/world'
import { testWorld } from '../testing/test-world'
import { tick } from '../tick'

const TOWN = `config_id: c
seed: 1
world:
  population: 3
  tile_capacity: 3
  layout:
    map: |
      ########
      #......#
      #.F..B.#
      #......#
      ########
    homes:
      - { id: flat, area: [1, 1, 6, 3] }
`

/** Agent 0 eating at the fridge, agent 1 in its queue and possessed, both with lifecycle records. */
function busyTown(): World {
  const world = testWorld(TOWN)
  tick(world, { decisions: [{ agent: 0, option: 'eat', object: 0 }], console: [] })
  tick(world, { decisions: [{ agent: 1, option: 'eat', object: 0 }], console: [] })
  for (let t = 0; t < 20 && world.state.agents.cols.phase[0] !== Phase.using; t++) tick(world, { decisions: [], console: [] })
  for (let t = 0; t < 20 && world.state.agents.cols.phase[1] !== Phase.queued; t++) tick(world, { decisions: [], console: [] })
  setPossessed(world, 1, true, 'console')
  const life = world.state.lifecycle
  life.starving['0'] = 3
  life.employment.absences['1'] = [4]
  life.pending.push({ agent: 1, reason: 'eviction', since: world.state.tick, blocked: '' })
  resetTickEvents(world.state)
  return world
}

/** Everything leaving the town touches; not the counters or tickets only an exit keeps. */
function footprint(world: World) {
  const life = world.state.lifecycle
  return {
    agents: agentsToJSON(world.state.agents),
    objects: objectsToJSON(world.state.objects),
    tiles: Array.from(world.state.tileCount),
    records: { starving: life.starving, absences: life.employment.absences, queue: life.employment.queue, pending: life.pending },
    events: world.state.events.filter((e) => e.type !== 'agent_killed' && e.type !== 'agent_exit')
  }
}

describe('the one way out of the town', () => {
  it('leaves the same town behind for console kill as for a lifecycle exit', () => {
    const killed = busyTown()
    const exited = busyTown()
    expect(killed.state.agents.cols.phase[0]).toBe(Phase.using)
    expect(killed.state.agents.cols.phase[1]).toBe(Phase.queued)
    const before = footprint(killed)
    for (const agent of [0, 1]) {
      expect(applyOp(killed, { op: 'kill', agent })).toMatchObject({ ok: true })
      exitAgent(exited, agent, 'faint')
    }
    const after = footprint(killed)
    expect(after).toEqual(footprint(exited))
    // And it did leave: both slots dead, tiles freed, the fridge free, records and possession dropped.
    expect(after).not.toEqual(before)
    expect([killed.state.agents.cols.alive[0], killed.state.agents.cols.alive[1]]).toEqual([0, 0])
    expect(killed.state.agents.cols.possessed[1]).toBe(0)
    expect(killed.state.objects.holder[0]).toBe(-1)
    expect(after.records).toEqual({ starving: {}, absences: {}, queue: [], pending: [] })
    expect(after.tiles.reduce((s, n) => s + n, 0)).toBe(1)
  })
})
