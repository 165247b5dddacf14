/**
 * The social components of a tick's rewards, from the tick's events by type and the slots their
 * emitters named (the society system emits them; rewards only read them and its tie ledger):
 * - C1 `chat_success {speaker, listener, quality}`: both sides get quality × (base + trust and
 *   familiarity terms), unless the side has a need below `chat.min_need` (in crisis, a chat is
 *   not social success); `chat_failure {speaker, listener}`: the speaker pays `failure_penalty`,
 *   the listener half of it.
 * - C2 adds `rivalry_avoidance {agent_id, other, object_id}`: the avoider gets `avoidance`.
 * - C3 adds queue cooperation from `queue_conflict`: a `handover` (finished, passed the object on
 *   to the next in line) pays both; a `ghost_step` (a stalled holder evicted while others waited)
 *   costs the holder `ghost_step_penalty`. The seeds' C3 telemetry watches exactly this kind of
 *   sharing (shared meals, help on shift, handovers).
 */
import type { SocialStage } from '../../config/sections/rewards'
import { alignedSlots, slotsAt, type EventSlotList } from '../events/event-slots'
import type { SimEvent, World } from '../state/world'
import { stageRank } from './social-stage'
import { tieOf } from './social-ties'

export interface SocialParts {
  chat: number
  avoidance: number
  cooperation: number
}

/** Social parts per agent slot (only slots something happened to). */
export type SocialBySlot = Map<number, SocialParts>

export function socialRewards(world: World, stage: SocialStage, events: readonly SimEvent[], tickSlots: EventSlotList): SocialBySlot {
  const slots = alignedSlots(events, tickSlots)
  const out: SocialBySlot = new Map()
  const rank = stageRank(stage)
  if (rank === 0) return out
  const cfg = world.params.config.rewards.social
  const add = (slot: number, part: keyof SocialParts, value: number) => {
    if (value === 0) return
    const parts = out.get(slot) ?? { chat: 0, avoidance: 0, cooperation: 0 }
    parts[part] += value
    out.set(slot, parts)
  }
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!
    switch (e.type) {
      case 'chat_success': {
        const q = Math.min(1, Math.max(0, e.quality))
        const { speaker, listener } = slotsAt(slots, k, e.type)
        for (const [self, other] of [[speaker, listener], [listener, speaker]] as const) {
          if (inCrisis(world, self, cfg.chat.min_need)) continue
          const tie = tieOf(world, self, other)
          // Distrust lowers a chat's worth but never turns a successful chat into a penalty.
          add(self, 'chat', q * Math.max(0, cfg.chat.base + cfg.chat.trust_coeff * tie.trust + cfg.chat.familiarity_coeff * tie.familiarity))
        }
        break
      }
      case 'chat_failure': {
        const { speaker, listener } = slotsAt(slots, k, e.type)
        add(speaker, 'chat', -cfg.chat.failure_penalty)
        add(listener, 'chat', -cfg.chat.failure_penalty / 2)
        break
      }
      case 'rivalry_avoidance':
        if (rank >= 2) add(slotsAt(slots, k, e.type).agent, 'avoidance', cfg.avoidance)
        break
      case 'queue_conflict': {
        if (rank < 3) break
        const { actor, rival } = slotsAt(slots, k, e.type)
        if (e.reason === 'handover') {
          add(actor, 'cooperation', cfg.cooperation.handover)
          add(rival, 'cooperation', cfg.cooperation.handover)
        } else {
          add(actor, 'cooperation', -cfg.cooperation.ghost_step_penalty)
        }
        break
      }
    }
  }
  return out
}

function inCrisis(world: World, slot: number, floor: number): boolean {
  if (slot < 0) return true
  const a = world.state.agents.cols
  return a.hunger[slot]! < floor || a.hygiene[slot]! < floor || a.energy[slot]! < floor
}
