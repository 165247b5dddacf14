/**
 * Exits, exit triggers and respawns in a tick's events, by type, with the slots their emitters named (the lifecycle system and the
 * console emit them): `agent_exit {agent_id, reason}` and `agent_killed {agent_id, reason}` end a
 * life; `employment_exit_pending {agent_id}` announces one; `agent_respawn {agent_id,
 * original_agent_id}` starts a successor's.
 */
import { alignedSlots, slotsAt, type EventSlotList } from '../events/event-slots'
import type { SimEvent } from '../state/world'

export interface LifeEvents {
  /** Slot → exit reason, for agents whose life ends this tick. */
  exits: Map<number, string>
  /** Slots with an exit announced this tick. */
  pending: number[]
  respawns: { slot: number; original: string }[]
}

/** The tick's life events, each with the slot its emitter named (`slots` is index for index with `events`). */
export function lifeEvents(events: readonly SimEvent[], tickSlots: EventSlotList): LifeEvents {
  const slots = alignedSlots(events, tickSlots)
  const out: LifeEvents = { exits: new Map(), pending: [], respawns: [] }
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!
    switch (e.type) {
      case 'agent_exit':
      case 'agent_killed': {
        const slot = slotsAt(slots, k, e.type).agent
        if (!out.exits.has(slot)) out.exits.set(slot, e.reason)
        break
      }
      case 'employment_exit_pending':
        out.pending.push(slotsAt(slots, k, e.type).agent)
        break
      case 'agent_respawn':
        out.respawns.push({ slot: slotsAt(slots, k, e.type).agent, original: e.original_agent_id })
        break
    }
  }
  return out
}
