/**
 * An engine event as a sentence an operator reads at a glance: "Queued behind bob at fridge_1
 * (handover, intensity 0.5)" rather than `queue_conflict actor=bob rival=alice intensity=0.5`.
 * Numbers are rounded (needs as percentages, money with two decimals, the rest to two decimals at
 * most). Seen from the inspected agent (`subject`), sentences about it drop its name; an event
 * type this table does not know still reads as words with its fields, never as raw JSON.
 *
 * The types are those the engine emits (main/sim … `emit(state, '<type>', …)`) and the policy
 * runtime streams; the renderer may not import them, so the test lists them and checks each.
 */
import type { ObserverEvent } from '../../../../shared/contract/dto/observer'
import { formatFixed, formatMoney, formatPercent, formatTrimmed } from '../../components/format'

type Fields = Readonly<Record<string, unknown>>

/** A field as text; '?' when missing, so a sentence never prints "undefined". */
function str(e: Fields, key: string): string {
  const v = e[key]
  if (typeof v === 'string') return v
  if (typeof v === 'number') return num(v)
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ') : '?'
}

function num(v: unknown): string {
  return typeof v === 'number' ? formatTrimmed(v, 2) : '?'
}

function pct(v: unknown): string {
  return typeof v === 'number' ? formatPercent(v) : '?'
}

function money(v: unknown): string {
  return typeof v === 'number' ? formatMoney(v) : '?'
}

/** "a_b_c" → "a b c". */
function words(text: string): string {
  return text.replace(/[_.]+/g, ' ').trim()
}

/** " (…)" when there is something to say. */
function paren(text: string | null | undefined): string {
  return text ? ` (${text})` : ''
}

/** The object an event is at, as " at fridge_1", or nothing. */
function at(e: Fields): string {
  return typeof e.object_id === 'string' ? ` at ${e.object_id}` : ''
}

const needs = (e: Fields) => `hunger ${pct(e.hunger)}, hygiene ${pct(e.hygiene)}, energy ${pct(e.energy)}, wallet ${money(e.wallet)}`

const CONFLICT_KIND: Readonly<Record<string, string>> = { handover: 'handover', ghost_step: 'gave way' }

function queueConflict(e: Fields, subject: string | undefined): string {
  const actor = str(e, 'actor')
  const rival = str(e, 'rival')
  const kind = typeof e.reason === 'string' ? (CONFLICT_KIND[e.reason] ?? words(e.reason)) : null
  const detail = paren([kind, `intensity ${num(e.intensity)}`].filter(Boolean).join(', '))
  // The actor held the object (handing it over, or stepping aside for) the rival who queued.
  if (subject === rival) return `Queued behind ${actor}${at(e)}${detail}`
  if (subject === actor) return `Kept ${rival} waiting${at(e)}${detail}`
  return `${rival} queued behind ${actor}${at(e)}${detail}`
}

type Phrase = (e: Fields, subject: string | undefined) => string

/** One sentence per event type. */
const PHRASES: Readonly<Record<string, Phrase>> = {
  affordance_start: (e) => `Started ${str(e, 'affordance_id')}${at(e)}${paren(typeof e.duration === 'number' ? `${num(e.duration)} ticks` : null)}`,
  affordance_finish: (e) => `Finished ${str(e, 'affordance_id')}${at(e)}`,
  affordance_fail: (e) => `${typeof e.affordance_id === 'string' ? `Could not ${e.affordance_id}` : 'Failed'}${at(e)}${typeof e.reason === 'string' ? `: ${words(e.reason)}` : ''}`,
  queue_conflict: queueConflict,
  rivalry_changed: (e) =>
    `Rivalry with ${str(e, 'other')} ${typeof e.delta === 'number' && e.delta < 0 ? 'fell' : 'rose'} by ${num(typeof e.delta === 'number' ? Math.abs(e.delta) : e.delta)} to ${num(e.value)}${paren(typeof e.reason === 'string' ? `after a ${words(e.reason)}` : null)}`,
  rivalry_avoidance: (e) => `Avoided ${str(e, 'other')}${at(e)}`,
  chat_success: (e) => `${str(e, 'speaker')} chatted with ${str(e, 'listener')}${paren(`quality ${num(e.quality)}`)}`,
  chat_failure: (e) => `${str(e, 'speaker')}'s chat with ${str(e, 'listener')} failed${typeof e.reason === 'string' ? `: ${words(e.reason)}` : ''}`,
  job_late: (e) => `Late for the ${str(e, 'job_id')} shift${paren(`penalty ${money(e.penalty)}`)}`,
  shift_ended: (e) =>
    `Ended the ${str(e, 'job_id')} shift: present ${num(e.present_ticks)} of ${num(e.shift_ticks)} ticks (${pct(e.attendance)}), earned ${money(e.earned)}${e.late === true ? ', late' : ''}${e.arrived === false ? ', never arrived' : ''}`,
  agent_spawned: (e) => `Arrived at (${str(e, 'x')}, ${str(e, 'y')})${paren([e.home ? `home ${str(e, 'home')}` : '', e.job ? `job ${str(e, 'job')}` : ''].filter(Boolean).join(', '))}`,
  agent_teleported: (e) => `Teleported to (${str(e, 'x')}, ${str(e, 'y')})`,
  agent_killed: (e) => `Killed${paren(typeof e.reason === 'string' ? words(e.reason) : null)}`,
  agent_exit: (e) => `Left the town${paren(typeof e.reason === 'string' ? words(e.reason) : null)}`,
  agent_exit_record: (e) => `Left with ${needs(e)}; ${num(e.meals_eaten)} meals, ${num(e.shifts_done)} shifts`,
  agent_exit_deferred: (e) => `Leaving (${words(str(e, 'reason'))}) held back by ${words(str(e, 'blocked_by'))}`,
  agent_exit_cancelled: (e) => `No longer leaving (${words(str(e, 'reason'))}): ${words(str(e, 'why'))}`,
  agent_respawn: (e) => `Arrived in place of ${str(e, 'original_agent_id')} at (${str(e, 'x')}, ${str(e, 'y')})`,
  agent_spawn_record: (e) => `Started with ${needs(e)}`,
  employment_exit_pending: (e) => `Up for dismissal from ${str(e, 'job_id')} after ${num(e.absent_shifts)} missed shifts${paren(`${num(e.pending_count)} pending`)}`,
  employment_exit_processed: (e) => `Dismissed from ${str(e, 'job_id')}${paren(typeof e.reason === 'string' ? words(e.reason) : null)} after ${num(e.waited_ticks)} ticks`,
  employment_exit_deferred: (e) => `Dismissal from ${str(e, 'job_id')} deferred${paren(`at the ${str(e, 'stage')}`)}`,
  employment_exit_queue_overflow: (e) => `Dismissal from ${str(e, 'job_id')} not queued: the queue is full (${num(e.pending_count)} of ${num(e.limit)})`,
  perturbation_started: (e) => `Perturbation ${str(e, 'spec')} began${at(e)}${paren(typeof e.ends_at === 'number' ? `until tick ${num(e.ends_at)}` : null)}`,
  perturbation_ended: (e) => `Perturbation ${str(e, 'spec')} ${e.cancelled === true ? 'was cancelled' : 'ended'}`,
  perturbation_skipped: (e) => `Perturbation ${str(e, 'spec')} skipped${typeof e.reason === 'string' ? `: ${words(e.reason)}` : ''}`,
  perturbation_cancelled: (e) => `Perturbation ${str(e, 'spec')} cancelled${e.pending === true ? ' before it began' : ''}`,
  arranged_meet: (e) => `Meeting arranged${at(e)} for ${str(e, 'agents')}${paren(typeof e.ends_at === 'number' ? `until tick ${num(e.ends_at)}` : null)}`,
  price_changed: (e) => `Price ${str(e, 'key')} changed from ${money(e.before)} to ${money(e.value)}${paren(typeof e.cause === 'string' ? words(e.cause) : null)}`,
  utility_changed: (e) => `Utility ${str(e, 'utility')} switched ${e.on === true ? 'on' : 'off'}${paren(typeof e.cause === 'string' ? words(e.cause) : null)}`,
  utility_outage_noticed: (e) => `Found ${[e.power === false ? 'the power' : '', e.water === false ? 'the water' : ''].filter(Boolean).join(' and ') || 'a utility'} off${at(e)}`,
  stock_replenished: (e) => `Restocked ${num(e.units)} units`,
  'policy.possession': (e) => `${e.possessed === true ? 'Possessed' : 'Released'}${typeof e.by === 'string' ? ` by ${e.by}` : ''}`,
  'policy.anneal.update': (e) => `Anneal ratio ${formatFixed(typeof e.previous === 'number' ? e.previous : null)} → ${formatFixed(typeof e.ratio === 'number' ? e.ratio : null)}${paren(typeof e.source === 'string' ? words(e.source) : null)}`,
  'console.result': (e) =>
    `Console ${words(str(e, 'op'))} ${e.status === 'ok' ? 'applied' : `failed${typeof e.code === 'string' ? ` (${e.code})` : ''}${typeof e.message === 'string' ? `: ${e.message}` : ''}`}`
}

/** The event types with a sentence of their own. */
export const PHRASED_EVENT_TYPES: readonly string[] = Object.keys(PHRASES)

/** Any other type: its name in words, then its fields as "key value", numbers rounded. */
function fallback(event: ObserverEvent): string {
  const fields = Object.entries(event)
    .filter(([key]) => key !== 'type' && key !== 'tick')
    .map(([key, value]) => `${words(key)} ${typeof value === 'object' && value !== null && !Array.isArray(value) ? JSON.stringify(value) : str(event, key)}`)
  const name = words(event.type)
  const head = name.charAt(0).toUpperCase() + name.slice(1)
  return fields.length === 0 ? head : `${head}: ${fields.join(', ')}`
}

/** The event as one sentence, from `subject`'s point of view when given. */
export function eventText(event: ObserverEvent, subject?: string): string {
  const phrase = PHRASES[event.type]
  return phrase ? phrase(event, subject) : fallback(event)
}
