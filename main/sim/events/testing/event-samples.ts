/**
 * Test support: one valid payload per event type (the type makes the list complete: a type added
 * to the map without a sample does not compile), and `completeEvent`, which fills the fields a
 * test does not care about from the sample, so a test names only what it checks.
 */
import type { SimEvent, SimEventDraft, SimEventMap, SimEventType } from '../event-map'

const POLICY_IDENTITY = { backend: 'scripted', policy_hash: null, model: 'scripted', execution_provider: null, observation_variant: 'full', anneal_ratio: 1, option_set: ['idle'] } as const

export const EVENT_SAMPLES: { readonly [K in SimEventType]: SimEventMap[K] } = {
  agent_spawned: { agent_id: 'ann', x: 1, y: 2, home: 'house_1', job: null },
  agent_teleported: { agent_id: 'ann', x: 3, y: 4 },
  agent_killed: { agent_id: 'ann', reason: 'console' },
  agent_exit: { agent_id: 'ann', reason: 'faint', job_id: null },
  agent_exit_deferred: { agent_id: 'ann', reason: 'faint', blocked_by: 'cooldown', pending_since: 10 },
  agent_exit_cancelled: { agent_id: 'ann', reason: 'faint', why: 'recovered' },
  agent_exit_record: { agent_id: 'ann', reason: 'eviction', home: null, x: 1, y: 1, hunger: 0.1, hygiene: 0.5, energy: 0.5, wallet: -2, meals_eaten: 3, shifts_done: 1 },
  agent_spawn_record: { agent_id: 'ann#1', original_agent_id: 'ann', home: 'house_1', job_id: 'clerk', hunger: 0.8, hygiene: 0.8, energy: 0.8, wallet: 10 },
  agent_respawn: { agent_id: 'ann#1', original_agent_id: 'ann', origin_agent_id: 'ann', home: 'house_1', job_id: 'clerk', x: 1, y: 2 },
  affordance_start: { agent_id: 'ann', object_id: 'bed_1', affordance_id: 'rest_sleep', duration: 60 },
  affordance_finish: { agent_id: 'ann', object_id: 'bed_1', affordance_id: 'rest_sleep' },
  affordance_fail: { agent_id: 'ann', object_id: 'stove_1', affordance_id: null, reason: 'no_affordance' },
  queue_conflict: { object_id: 'shower_1', actor: 'ann', rival: 'bob', reason: 'handover', queue_length: 1, intensity: 0.5 },
  utility_outage_noticed: { object_id: 'stove_1', power: false, water: true },
  job_late: { agent_id: 'ann', job_id: 'clerk', penalty: 0.5 },
  shift_ended: { agent_id: 'ann', job_id: 'clerk', present_ticks: 40, shift_ticks: 48, attendance: 0.833, arrived: true, late: false, earned: 4 },
  employment_exit_queue_overflow: { agent_id: 'ann', job_id: 'clerk', pending_count: 3, limit: 3 },
  employment_exit_pending: { agent_id: 'ann', job_id: 'clerk', pending_count: 1, absent_shifts: 3 },
  employment_exit_processed: { agent_id: 'ann', job_id: 'clerk', reason: 'auto_review', waited_ticks: 100 },
  employment_exit_deferred: { agent_id: 'ann', job_id: 'clerk', stage: 'queue' },
  rivalry_avoidance: { agent_id: 'ann', other: 'bob', object_id: 'fridge_1' },
  rivalry_changed: { agent_id: 'ann', other: 'bob', value: 0.3, delta: 0.1, reason: 'ghost_step' },
  chat_success: { speaker: 'ann', listener: 'bob', quality: 0.6 },
  chat_failure: { speaker: 'ann', listener: 'bob', reason: 'low_quality' },
  perturbation_started: { event_id: 'evt_1', spec: 'blackout', kind: 'power_outage', origin: 'scheduled', targets: ['power'], ends_at: 100 },
  perturbation_ended: { event_id: 'evt_1', spec: 'blackout', kind: 'power_outage', cancelled: false },
  perturbation_cancelled: { event_id: 'evt_1', spec: 'blackout', pending: false },
  perturbation_skipped: { event_id: 'evt_2', spec: 'meet', kind: 'arranged_meet', reason: 'fewer than 2 agents could take part' },
  arranged_meet: { event_id: 'evt_3', spec: null, object_id: 'fridge_1', agents: ['ann', 'bob'], ends_at: 50 },
  price_changed: { key: 'meal_cost', before: 1, value: 2, cause: 'perturbation' },
  utility_changed: { utility: 'power', on: false },
  stock_replenished: { units: 4 },
  'policy.anneal.update': { ratio: 0.5, previous: 1, source: 'console' },
  'policy.possession': { agent_id: 'ann', possessed: true, by: 'console' },
  'policy.metadata': { ...POLICY_IDENTITY, option_set: [...POLICY_IDENTITY.option_set], notice: null },
  'policy.embedding': { max_slots: 8, in_use: 3, allocations_total: 5, forced_reuse_count: 0, forced_reuse_rate: 0, reuse_warning: false, without_slot: 0, cooldown_ticks: 10 },
  'console.result': { cmd_id: 'c1', op: 'set_price', status: 'ok', result: { key: 'meal_cost', before: 1, value: 2 } }
}

/** An event a test writes: its type and the fields it cares about. */
export type PartialEvent = { [K in SimEventType]: { type: K } & Partial<SimEventMap[K]> }[SimEventType]

/** The sample of `e.type` with `e`'s fields over it. */
export function completeEvent(e: PartialEvent): SimEventDraft {
  return { ...EVENT_SAMPLES[e.type], ...e } as SimEventDraft
}

/** `completeEvent`, stamped with a tick. */
export function eventAt(tick: number, e: PartialEvent): SimEvent {
  return { ...completeEvent(e), tick } as SimEvent
}
