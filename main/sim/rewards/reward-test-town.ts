/**
 * Test support for the reward engine: a still room of three well-fed people (no decay), and a
 * way to run the reward step alone on a tick whose events the test writes — so rewards can be
 * tested against lifecycle and society events without those systems producing them.
 */
import type { SimEvent, World } from '../state/world'
import { testWorld } from '../testing/test-world'
import { computeRewards } from './reward-system'

export function rewardRoom(extra = ''): World {
  return testWorld(`config_id: t
seed: 1
${extra}
world:
  population: 3
  layout:
    map: |
      ########
      #.B.B.B#
      #......#
      ########
    homes: [{ id: room, area: [1, 1, 6, 2] }]
  agents:
    - { id: ann, needs: { hunger: 1, hygiene: 1, energy: 1 } }
    - { id: bob, needs: { hunger: 1, hygiene: 1, energy: 1 } }
    - { id: cat, needs: { hunger: 1, hygiene: 1, energy: 1 } }
`)
}

/** Advance the tick counter and run only the reward step over `events`. */
export function rewardTick(world: World, events: Omit<SimEvent, 'tick'>[] = []): void {
  const state = world.state
  state.tick += 1
  state.events = events.map((e) => ({ ...e, tick: state.tick }) as SimEvent)
  computeRewards(world)
}

/** An agent leaves the way the lifecycle does it: its slot dies and `agent_exit` says why. */
export function exitEvent(world: World, id: string, reason: string): Omit<SimEvent, 'tick'> {
  world.state.agents.cols.alive[world.state.agents.ids.indexOf(id)] = 0
  return { type: 'agent_exit', agent_id: id, reason }
}

/** A replacement arrives in a new slot, well fed. */
export function respawnEvent(world: World, id: string, original: string): Omit<SimEvent, 'tick'> {
  const i = world.state.agents.add(id)
  const a = world.state.agents.cols
  a.hunger[i] = a.hygiene[i] = a.energy[i] = 1
  return { type: 'agent_respawn', agent_id: id, original_agent_id: original }
}
