/**
 * Test support for the reward engine: a still room of three well-fed people (no decay), and a
 * way to run the reward step alone on a tick whose events the test writes — so rewards can be
 * tested against lifecycle and society events without those systems producing them.
 */
import type { EventSlotList } from '../events/event-slots'
import { completeEvent, type PartialEvent } from '../events/testing/event-samples'
import { indexOfId } from '../state/id-index'
import type { SimEvent, SimEventDraft, World } from '../state/world'
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

/** Advance the tick counter and run only the reward step over `events` (their slots looked up by id, as an emitter would name them). */
export function rewardTick(world: World, partial: PartialEvent[] = []): void {
  const events = partial.map(completeEvent)
  const state = world.state
  state.tick += 1
  state.events = events.map((e) => ({ ...e, tick: state.tick }) as SimEvent)
  state.eventSlots = events.map((e) => slotsOf(world, e))
  computeRewards(world)
}

function slotsOf(world: World, e: SimEventDraft): EventSlotList[number] {
  const agent = (id: string) => indexOfId(world.state.agents.ids, id)
  const object = (id: string) => indexOfId(world.state.objects.ids, id)
  switch (e.type) {
    case 'queue_conflict':
      return { actor: agent(e.actor), rival: agent(e.rival), object: object(e.object_id) }
    case 'chat_success':
    case 'chat_failure':
      return { speaker: agent(e.speaker), listener: agent(e.listener) }
    case 'rivalry_avoidance':
      return { agent: agent(e.agent_id), other: agent(e.other), object: object(e.object_id) }
    case 'shift_ended':
    case 'agent_exit':
    case 'agent_killed':
    case 'employment_exit_pending':
    case 'agent_respawn':
      return { agent: agent(e.agent_id) }
    default:
      return null
  }
}

/** An agent leaves the way the lifecycle does it (`agent_exit`), or for any other reason the way the console removes one (`agent_killed`): its slot dies and the event says why. */
export function exitEvent(world: World, id: string, reason: string): SimEventDraft {
  world.state.agents.cols.alive[world.state.agents.ids.indexOf(id)] = 0
  return reason === 'faint' || reason === 'eviction' ? { type: 'agent_exit', agent_id: id, reason, job_id: null } : { type: 'agent_killed', agent_id: id, reason }
}

/** A replacement arrives in a new slot, well fed. */
export function respawnEvent(world: World, id: string, original: string): SimEventDraft {
  const i = world.state.agents.add(id)
  const a = world.state.agents.cols
  a.hunger[i] = a.hygiene[i] = a.energy[i] = 1
  return { type: 'agent_respawn', agent_id: id, original_agent_id: original, origin_agent_id: original, home: null, job_id: null, x: a.x[i]!, y: a.y[i]! }
}
