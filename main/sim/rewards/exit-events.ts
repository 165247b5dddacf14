/**
 * Exits, exit triggers and respawns in a tick's events, by name (the lifecycle system and the
 * console emit them): `agent_exit {agent_id, reason}` and `agent_killed {agent_id, reason}` end a
 * life; `employment_exit_pending {agent_id}` announces one; `agent_respawn {agent_id,
 * original_agent_id}` starts a successor's.
 */
import type { SimEvent } from '../state/world'

export interface LifeEvents {
  /** Slot → exit reason, for agents whose life ends this tick. */
  exits: Map<number, string>
  /** Slots with an exit announced this tick. */
  pending: number[]
  respawns: { slot: number; original: string }[]
}

export function lifeEvents(events: readonly SimEvent[], slotOf: (id: string) => number): LifeEvents {
  const out: LifeEvents = { exits: new Map(), pending: [], respawns: [] }
  for (const e of events) {
    if (typeof e.agent_id !== 'string') continue
    const slot = slotOf(e.agent_id)
    if (slot < 0) continue
    if (e.type === 'agent_exit' || e.type === 'agent_killed') {
      if (!out.exits.has(slot)) out.exits.set(slot, typeof e.reason === 'string' ? e.reason : 'unknown')
    } else if (e.type === 'employment_exit_pending') {
      out.pending.push(slot)
    } else if (e.type === 'agent_respawn' && typeof e.original_agent_id === 'string') {
      out.respawns.push({ slot, original: e.original_agent_id })
    }
  }
  return out
}
