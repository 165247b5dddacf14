/**
 * Which events deserve a line in the narration panel, and what the line says. Events are read by
 * name with their fields checked, because several come from systems built alongside this one;
 * an event without the fields a line needs is simply not narrated.
 */
import type { NarrationCategory, NarrationConfig } from '../../config/sections/telemetry'
import type { SimEvent } from '../../sim/state/world'

/** A line before throttling: `key` identifies "the same line" for the dedupe window. */
export interface NarrationDraft {
  category: NarrationCategory
  priority: boolean
  text: string
  agents: string[]
  key: string
}

type LineConfig = Pick<NarrationConfig, 'rivalry_threshold' | 'rivalry_priority' | 'chat_quality_min'>

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
/** A pair key that does not depend on who acted first. */
const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

const EXIT_TEXT: Record<string, string> = {
  faint: 'fainted from hunger and left town',
  eviction: 'was evicted and left town'
}

export function narrationFor(e: SimEvent, config: LineConfig): NarrationDraft | null {
  switch (e.type) {
    case 'queue_conflict': {
      const [actor, rival, object] = [str(e.actor), str(e.rival), str(e.object_id)]
      // A handover is the queue working as meant; only a ghost step (a stalled holder evicted) is a clash.
      if (!actor || !rival || !object || e.reason !== 'ghost_step') return null
      const queue = num(e.queue_length)
      return draft('conflict', true, `${actor} stalled at ${object} and lost their turn to ${rival}${queue ? ` (${queue} waiting)` : ''}.`, [actor, rival], `conflict:${object}:${pair(actor, rival)}`)
    }
    case 'rivalry_changed': {
      const [a, b, value, delta] = [str(e.agent_id), str(e.other), num(e.value), num(e.delta)]
      if (!a || !b || value === undefined || delta === undefined || delta <= 0 || value < config.rivalry_threshold) return null
      const why = str(e.reason)
      return draft('rivalry', value >= config.rivalry_priority, `The rivalry between ${a} and ${b} is rising (${value.toFixed(2)}${why ? `, ${why.replaceAll('_', ' ')}` : ''}).`, [a, b], `rivalry:${pair(a, b)}`)
    }
    case 'rivalry_avoidance': {
      const [a, b] = [str(e.agent_id), str(e.other)]
      if (!a || !b) return null
      const object = str(e.object_id)
      return draft('rivalry', false, `${a} steered clear of ${b}${object ? ` at ${object}` : ''}.`, [a, b], `avoid:${a}:${b}:${object ?? ''}`)
    }
    case 'agent_exit': {
      const a = str(e.agent_id)
      if (!a) return null
      const reason = str(e.reason) ?? 'unknown'
      return draft('exit', true, `${a} ${EXIT_TEXT[reason] ?? `left town (${reason.replaceAll('_', ' ')})`}.`, [a], `exit:${a}`)
    }
    case 'agent_killed': {
      const a = str(e.agent_id)
      return a ? draft('exit', true, `${a} was removed by the operator.`, [a], `exit:${a}`) : null
    }
    case 'agent_spawned': {
      const a = str(e.agent_id)
      const home = str(e.home)
      return a ? draft('arrival', false, `${a} moved in${home ? ` at ${home}` : ''}.`, [a], `arrival:${a}`) : null
    }
    case 'agent_respawn': {
      const [a, before] = [str(e.agent_id), str(e.original_agent_id)]
      if (!a) return null
      return draft('arrival', false, before ? `${a} arrived, taking ${before}'s place.` : `${a} arrived.`, before ? [a, before] : [a], `arrival:${a}`)
    }
    case 'perturbation_started':
    case 'perturbation_ended':
    case 'perturbation_cancelled': {
      // A cancelled event also ends; its `perturbation_cancelled` line already said so.
      if (e.type === 'perturbation_ended' && e.cancelled === true) return null
      const id = str(e.event_id) ?? '?'
      const what = describePerturbation(e)
      const started = e.type === 'perturbation_started'
      const ends = num(e.ends_at)
      const text = started ? `${what} began${ends !== undefined ? ` (until tick ${ends})` : ''}.` : e.type === 'perturbation_ended' ? `${what} is over.` : `${what} was called off.`
      const targets = Array.isArray(e.targets) ? e.targets.filter((t): t is string => typeof t === 'string') : []
      return draft('perturbation', started, text, targets, `perturbation:${id}:${e.type}`)
    }
    case 'job_late': {
      const a = str(e.agent_id)
      const job = str(e.job_id)
      return a ? draft('lateness', false, `${a} was late for work${job ? ` (${job})` : ''}.`, [a], `late:${a}`) : null
    }
    case 'chat_success': {
      const [a, b] = [str(e.speaker), str(e.listener)]
      const q = num(e.quality) ?? 1
      if (!a || !b || q < config.chat_quality_min) return null
      return draft('chat', false, `${a} and ${b} had a ${q >= 0.75 ? 'warm' : 'good'} chat.`, [a, b], `chat:${pair(a, b)}`)
    }
    case 'chat_failure': {
      const [a, b] = [str(e.speaker), str(e.listener)]
      if (!a || !b) return null
      const why = str(e.reason)
      return draft('chat', false, `${a} tried to chat with ${b}, but it fell flat${why ? ` (${why.replaceAll('_', ' ')})` : ''}.`, [a, b], `chat_fail:${pair(a, b)}`)
    }
    case 'utility_changed': {
      const utility = str(e.utility)
      if (!utility) return null
      return draft('utility', true, e.on === true ? `The ${utility} is back on.` : `The ${utility} went out.`, [], `utility:${utility}:${String(e.on)}`)
    }
    case 'utility_outage_noticed': {
      const object = str(e.object_id)
      if (!object) return null
      const missing = [e.power === false ? 'power' : null, e.water === false ? 'water' : null].filter((x) => x !== null).join(' or ')
      return draft('utility', false, `${object} is out of action${missing ? `: no ${missing}` : ''}.`, [], `outage:${object}`)
    }
    case 'employment_exit_pending': {
      const a = str(e.agent_id)
      return a ? draft('employment', false, `${a} is about to lose their job${str(e.job_id) ? ` as ${str(e.job_id)}` : ''}.`, [a], `employment:${a}:pending`) : null
    }
    case 'employment_exit_processed': {
      const a = str(e.agent_id)
      return a ? draft('employment', true, `${a}'s employment has ended.`, [a], `employment:${a}:processed`) : null
    }
    default:
      return null
  }
}

function describePerturbation(e: SimEvent): string {
  const spec = str(e.spec)
  const kind = str(e.kind)
  const label = kind ? (KIND_TEXT[kind] ?? kind.replaceAll('_', ' ')) : 'A perturbation'
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
