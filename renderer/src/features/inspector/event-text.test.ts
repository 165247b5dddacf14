import { describe, expect, it } from 'vitest'
import type { ObserverEvent } from '../../../../shared/contract/dto/observer'
import { eventText, PHRASED_EVENT_TYPES } from './event-text'

/**
 * One sample of every event the engine emits (main/sim: `emit(state, '<type>', …)`) and the
 * policy runtime streams, with the fields it sends. A new engine event without a sentence here
 * falls back to words; this list is what the inspector promises to phrase.
 */
const SAMPLES: readonly ObserverEvent[] = [
  { type: 'affordance_start', tick: 1, agent_id: 'alice', object_id: 'fridge_1', affordance_id: 'eat_meal', duration: 12 },
  { type: 'affordance_finish', tick: 1, agent_id: 'alice', object_id: 'fridge_1', affordance_id: 'eat_meal' },
  { type: 'affordance_fail', tick: 1, agent_id: 'alice', object_id: 'fridge_1', affordance_id: 'eat_meal', reason: 'no_stock' },
  { type: 'queue_conflict', tick: 1, object_id: 'fridge_1', actor: 'bob', rival: 'alice', reason: 'ghost_step', queue_length: 2, intensity: 1.25 },
  { type: 'rivalry_changed', tick: 1, agent_id: 'alice', other: 'bob', value: 0.421337, delta: 0.123456, reason: 'queue_conflict' },
  { type: 'rivalry_avoidance', tick: 1, agent_id: 'alice', other: 'bob', object_id: 'stove_1' },
  { type: 'chat_success', tick: 1, speaker: 'alice', listener: 'bob', quality: 0.8333 },
  { type: 'chat_failure', tick: 1, speaker: 'alice', listener: 'bob', reason: 'listener_busy' },
  { type: 'job_late', tick: 1, agent_id: 'alice', job_id: 'grocer', penalty: 0.1 },
  { type: 'shift_ended', tick: 1, agent_id: 'alice', job_id: 'grocer', present_ticks: 90, shift_ticks: 100, attendance: 0.9, arrived: true, late: true, earned: 2.25 },
  { type: 'agent_spawned', tick: 1, agent_id: 'zed', x: 3, y: 4, home: 'house', job: 'grocer' },
  { type: 'agent_teleported', tick: 1, agent_id: 'alice', x: 3, y: 4 },
  { type: 'agent_killed', tick: 1, agent_id: 'alice', reason: 'console' },
  { type: 'agent_exit', tick: 1, agent_id: 'alice', reason: 'faint', job_id: 'grocer' },
  { type: 'agent_exit_record', tick: 1, agent_id: 'alice', reason: 'faint', home: 'house', x: 1, y: 1, hunger: 0, hygiene: 0.4, energy: 0.1049, wallet: 3.2, meals_eaten: 4, shifts_done: 2 },
  { type: 'agent_exit_deferred', tick: 1, agent_id: 'alice', reason: 'faint', blocked_by: 'using_object', pending_since: 1 },
  { type: 'agent_exit_cancelled', tick: 1, agent_id: 'alice', reason: 'faint', why: 'recovered' },
  { type: 'agent_respawn', tick: 1, agent_id: 'alice_2', original_agent_id: 'alice', origin_agent_id: 'alice', home: 'house', job_id: null, x: 1, y: 1 },
  { type: 'agent_spawn_record', tick: 1, agent_id: 'alice_2', original_agent_id: 'alice', home: 'house', job_id: null, hunger: 0.5, hygiene: 0.5, energy: 0.5, wallet: 5 },
  { type: 'employment_exit_pending', tick: 1, agent_id: 'alice', job_id: 'grocer', pending_count: 2, absent_shifts: 3 },
  { type: 'employment_exit_processed', tick: 1, agent_id: 'alice', job_id: 'grocer', reason: 'approved', waited_ticks: 120 },
  { type: 'employment_exit_deferred', tick: 1, agent_id: 'alice', job_id: 'grocer', stage: 'queue' },
  { type: 'employment_exit_queue_overflow', tick: 1, agent_id: 'alice', job_id: 'grocer', pending_count: 5, limit: 5 },
  { type: 'perturbation_started', tick: 1, event_id: 'p1', spec: 'price_spike', kind: 'price', origin: 'schedule', targets: [], ends_at: 300 },
  { type: 'perturbation_ended', tick: 1, event_id: 'p1', spec: 'price_spike', kind: 'price', cancelled: false },
  { type: 'perturbation_skipped', tick: 1, event_id: 'p1', spec: 'price_spike', kind: 'price', reason: 'no_targets' },
  { type: 'perturbation_cancelled', tick: 1, event_id: 'p1', spec: 'price_spike', pending: true },
  { type: 'arranged_meet', tick: 1, event_id: 'p2', spec: 'meet', object_id: 'sofa_1', agents: ['alice', 'bob'], ends_at: 300 },
  { type: 'price_changed', tick: 1, key: 'meal_cost', before: 0.4, value: 0.6, cause: 'perturbation' },
  { type: 'utility_changed', tick: 1, utility: 'power', on: false },
  { type: 'utility_outage_noticed', tick: 1, object_id: 'stove_1', power: false, water: true },
  { type: 'stock_replenished', tick: 1, units: 12 },
  { type: 'policy.possession', tick: 1, agent_id: 'alice', possessed: true, by: 'window 1' },
  { type: 'policy.anneal.update', tick: 1, ratio: 0.75, previous: 0.5, source: 'console' },
  { type: 'console.result', tick: 1, cmd_id: 'c1', op: 'set_need', status: 'error', code: 'console.not_found', message: 'no agent' }
]

describe('event sentences', () => {
  it('phrases every engine event type, and only those', () => {
    expect(new Set(SAMPLES.map((e) => e.type))).toEqual(new Set(PHRASED_EVENT_TYPES))
  })

  it.each(SAMPLES.map((e) => [e.type, e] as const))('%s reads as a sentence, not a dump', (_type, event) => {
    const text = eventText(event, 'alice')
    expect(text).not.toMatch(/=|undefined|\?|\{|NaN/)
    expect(text).not.toContain(event.type)
    // Rounded: no figure with more than two decimals.
    expect(text).not.toMatch(/\d\.\d{3}/)
  })

  it('says what happened, with rounded numbers', () => {
    const [start, , fail, conflict, rivalry, , , , late, shift, , , , , exit] = SAMPLES
    expect(eventText(start!)).toBe('Started eat_meal at fridge_1 (12 ticks)')
    expect(eventText(fail!)).toBe('Could not eat_meal at fridge_1: no stock')
    expect(eventText(conflict!, 'alice')).toBe('Queued behind bob at fridge_1 (gave way, intensity 1.25)')
    expect(eventText(rivalry!, 'alice')).toBe('Rivalry with bob rose by 0.12 to 0.42 (after a queue conflict)')
    expect(eventText({ ...rivalry!, delta: -0.05 })).toBe('Rivalry with bob fell by 0.05 to 0.42 (after a queue conflict)')
    expect(eventText(late!)).toBe('Late for the grocer shift (penalty 0.10)')
    expect(eventText(shift!)).toBe('Ended the grocer shift: present 90 of 100 ticks (90%), earned 2.25, late')
    expect(eventText(exit!)).toBe('Left with hunger 0%, hygiene 40%, energy 10%, wallet 3.20; 4 meals, 2 shifts')
  })

  it('falls back to words and fields for a type it does not know', () => {
    expect(eventText({ type: 'weather_changed', tick: 3, sky_state: 'rain', chance: 0.33333 })).toBe('Weather changed: sky state rain, chance 0.33')
    expect(eventText({ type: 'quiet', tick: 3 })).toBe('Quiet')
  })
})
