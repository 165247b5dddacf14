/**
 * Which events deserve a line in the narration panel, and what the line says. Events arrive
 * typed by the engine's event map (main/sim/events): a field renamed there stops this file from
 * compiling rather than silently stopping a line.
 */
import type { NarrationCategory, NarrationConfig } from '../../config/sections/telemetry'
import type { SimEvent, SimEventOf } from '../../sim/state/world'

/** A line before throttling: `key` identifies "the same line" for the dedupe window. */
export interface NarrationDraft {
  category: NarrationCategory
  priority: boolean
  text: string
  agents: string[]
  key: string
}

type LineConfig = Pick<NarrationConfig, 'rivalry_threshold' | 'rivalry_priority' | 'chat_quality_min'>

/** A pair key that does not depend on who acted first. */
const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)
const words = (s: string) => s.replaceAll('_', ' ')

const EXIT_TEXT: Record<string, string> = {
  faint: 'fainted from hunger and left town',
  eviction: 'was evicted and left town'
}

export function narrationFor(e: SimEvent, config: LineConfig): NarrationDraft | null {
  switch (e.type) {
    case 'queue_conflict': {
      // A handover is the queue working as meant; only a ghost step (a stalled holder evicted) is a clash.
      if (e.reason !== 'ghost_step') return null
      const { actor, rival, object_id: object, queue_length: queue } = e
      return draft('conflict', true, `${actor} stalled at ${object} and lost their turn to ${rival}${queue ? ` (${queue} waiting)` : ''}.`, [actor, rival], `conflict:${object}:${pair(actor, rival)}`)
    }
    case 'rivalry_changed': {
      const { agent_id: a, other: b, value, delta, reason } = e
      if (delta <= 0 || value < config.rivalry_threshold) return null
      return draft('rivalry', value >= config.rivalry_priority, `The rivalry between ${a} and ${b} is rising (${value.toFixed(2)}${reason ? `, ${words(reason)}` : ''}).`, [a, b], `rivalry:${pair(a, b)}`)
    }
    case 'rivalry_avoidance': {
      const { agent_id: a, other: b, object_id: object } = e
      return draft('rivalry', false, `${a} steered clear of ${b} at ${object}.`, [a, b], `avoid:${a}:${b}:${object}`)
    }
    case 'agent_exit':
      return draft('exit', true, `${e.agent_id} ${EXIT_TEXT[e.reason] ?? `left town (${words(e.reason)})`}.`, [e.agent_id], `exit:${e.agent_id}`)
    case 'agent_killed':
      return draft('exit', true, `${e.agent_id} was removed by the operator.`, [e.agent_id], `exit:${e.agent_id}`)
    case 'agent_spawned':
      return draft('arrival', false, `${e.agent_id} moved in${e.home ? ` at ${e.home}` : ''}.`, [e.agent_id], `arrival:${e.agent_id}`)
    case 'agent_respawn': {
      const { agent_id: a, original_agent_id: before } = e
      return draft('arrival', false, `${a} arrived, taking ${before}'s place.`, [a, before], `arrival:${a}`)
    }
    case 'perturbation_started':
      return draft('perturbation', true, `${describePerturbation(e.spec, e.kind)} began (until tick ${e.ends_at}).`, e.targets, `perturbation:${e.event_id}:${e.type}`)
    case 'perturbation_ended':
      // A cancelled event also ends; its `perturbation_cancelled` line already said so.
      if (e.cancelled) return null
      return draft('perturbation', false, `${describePerturbation(e.spec, e.kind)} is over.`, [], `perturbation:${e.event_id}:${e.type}`)
    case 'perturbation_cancelled':
      return draft('perturbation', false, `${describePerturbation(e.spec, undefined)} was called off.`, [], `perturbation:${e.event_id}:${e.type}`)
    case 'job_late':
      return draft('lateness', false, `${e.agent_id} was late for work (${e.job_id}).`, [e.agent_id], `late:${e.agent_id}`)
    case 'chat_success': {
      const { speaker: a, listener: b, quality: q } = e
      if (q < config.chat_quality_min) return null
      return draft('chat', false, `${a} and ${b} had a ${q >= 0.75 ? 'warm' : 'good'} chat.`, [a, b], `chat:${pair(a, b)}`)
    }
    case 'chat_failure': {
      const { speaker: a, listener: b } = e
      return draft('chat', false, `${a} tried to chat with ${b}, but it fell flat (${words(e.reason)}).`, [a, b], `chat_fail:${pair(a, b)}`)
    }
    case 'utility_changed':
      return draft('utility', true, e.on ? `The ${e.utility} is back on.` : `The ${e.utility} went out.`, [], `utility:${e.utility}:${String(e.on)}`)
    case 'utility_outage_noticed': {
      const missing = [e.power ? null : 'power', e.water ? null : 'water'].filter((x) => x !== null).join(' or ')
      return draft('utility', false, `${e.object_id} is out of action${missing ? `: no ${missing}` : ''}.`, [], `outage:${e.object_id}`)
    }
    case 'employment_exit_pending':
      return draft('employment', false, `${e.agent_id} is about to lose their job as ${e.job_id}.`, [e.agent_id], `employment:${e.agent_id}:pending`)
    case 'employment_exit_processed':
      return draft('employment', true, `${e.agent_id}'s employment has ended.`, [e.agent_id], `employment:${e.agent_id}:processed`)
    default:
      return null
  }
}

/** "A power cut", or `A price spike "market_panic"` when the spec has its own name. */
function describePerturbation(spec: string | null, kind: SimEventOf<'perturbation_started'>['kind'] | undefined): string {
  const label = kind ? (KIND_TEXT[kind] ?? words(kind)) : 'A perturbation'
  return spec && spec !== kind ? `${label} "${spec}"` : label
}

const KIND_TEXT: Record<string, string> = {
  price_spike: 'A price spike',
  power_outage: 'A power cut',
  water_outage: 'A water outage',
  arranged_meet: 'An arranged meeting'
}

function draft(category: NarrationCategory, priority: boolean, text: string, agents: string[], key: string): NarrationDraft {
  return { category, priority, text, agents, key }
}
