import { describe, expect, it } from 'vitest'
import { NarrationSchema as NarrationLineSchema } from '../../../shared/contract/dto/society'
import { NarrationSchema } from '../../config/sections/telemetry'
import { eventAt, type PartialEvent } from '../../sim/events/testing/event-samples'
import { Narrator } from './narrator'

const quiet = NarrationSchema.parse({ global_cooldown_ticks: 0, dedupe_window_ticks: 0, global_window_limit: 100 })
/** Events at a tick, the fields a test leaves out taken from the vocabulary's samples. */
const at = (tick: number, events: PartialEvent[]) => events.map((e) => eventAt(tick, e))

describe('narrator', () => {
  it('narrates conflicts, exits, arrivals, perturbations, lateness and chats in readable lines', () => {
    const n = new Narrator(quiet)
    n.observe(
      5,
      at(5, [
        { type: 'queue_conflict', object_id: 'shower_1', actor: 'ann', rival: 'bob', reason: 'ghost_step', queue_length: 2, intensity: 1.25 },
        { type: 'queue_conflict', object_id: 'shower_1', actor: 'bob', rival: 'cat', reason: 'handover', queue_length: 1, intensity: 0.5 },
        { type: 'agent_exit', agent_id: 'dan', reason: 'faint' },
        { type: 'agent_exit', agent_id: 'eve', reason: 'eviction' },
        { type: 'agent_respawn', agent_id: 'dan#1', original_agent_id: 'dan' },
        { type: 'agent_spawned', agent_id: 'zed', home: 'house' },
        { type: 'perturbation_started', event_id: 'evt_1', spec: 'heatwave_prices', kind: 'price_spike', targets: [], ends_at: 90 },
        { type: 'perturbation_ended', event_id: 'evt_0', spec: 'blackout', kind: 'power_outage', cancelled: false },
        { type: 'perturbation_ended', event_id: 'evt_2', spec: 'meet', kind: 'arranged_meet', cancelled: true },
        { type: 'job_late', agent_id: 'fay', job_id: 'grocer', penalty: 0.1 },
        { type: 'chat_success', speaker: 'ann', listener: 'cat', quality: 0.8 },
        { type: 'chat_success', speaker: 'ann', listener: 'cat', quality: 0.1 },
        { type: 'chat_failure', speaker: 'bob', listener: 'cat', reason: 'low_quality' },
        { type: 'rivalry_changed', agent_id: 'ann', other: 'bob', value: 0.95, delta: 0.2, reason: 'queue_conflict' },
        { type: 'rivalry_changed', agent_id: 'ann', other: 'bob', value: 0.5, delta: 0.1, reason: 'queue_conflict' },
        { type: 'rivalry_avoidance', agent_id: 'cat', other: 'ann', object_id: 'fridge_1' },
        { type: 'utility_changed', utility: 'power', on: false },
        { type: 'affordance_start', agent_id: 'ann', object_id: 'bed_1', affordance_id: 'rest_sleep', duration: 360 }
      ])
    )
    const lines = n.drain()
    for (const line of lines) expect(NarrationLineSchema.parse(line)).toEqual(line)
    expect(lines.map((l) => [l.category, l.priority, l.text])).toEqual([
      ['conflict', true, 'ann stalled at shower_1 and lost their turn to bob (2 waiting).'],
      ['exit', true, 'dan fainted from hunger and left town.'],
      ['exit', true, 'eve was evicted and left town.'],
      ['arrival', false, "dan#1 arrived, taking dan's place."],
      ['arrival', false, 'zed moved in at house.'],
      ['perturbation', true, 'A price spike "heatwave_prices" began (until tick 90).'],
      ['perturbation', false, 'A power cut "blackout" is over.'],
      ['lateness', false, 'fay was late for work (grocer).'],
      ['chat', false, 'ann and cat had a warm chat.'],
      ['chat', false, 'bob tried to chat with cat, but it fell flat (low quality).'],
      ['rivalry', true, 'The rivalry between ann and bob is rising (0.95, queue conflict).'],
      ['rivalry', false, 'cat steered clear of ann at fridge_1.'],
      ['utility', true, 'The power went out.']
    ])
    expect(lines[0]!.agents).toEqual(['ann', 'bob'])
    expect(n.drain()).toEqual([])
    expect(n.recentLines()).toEqual(lines)
  })

  it('mutes categories, makes listed categories priority, and keeps only recent_limit lines', () => {
    const n = new Narrator(NarrationSchema.parse({ global_cooldown_ticks: 100, dedupe_window_ticks: 0, muted_categories: ['chat'], priority_categories: ['lateness'], recent_limit: 2 }))
    n.observe(1, at(1, [{ type: 'chat_success', speaker: 'a', listener: 'b', quality: 1 }]))
    n.observe(2, at(2, [{ type: 'job_late', agent_id: 'a', job_id: 'j' }]))
    n.observe(3, at(3, [{ type: 'job_late', agent_id: 'b', job_id: 'j' }]))
    n.observe(4, at(4, [{ type: 'job_late', agent_id: 'c', job_id: 'j' }, { type: 'agent_spawned', agent_id: 'd' }]))
    expect(n.recentLines().map((l) => [l.tick, l.category, l.priority])).toEqual([
      [3, 'lateness', true],
      [4, 'lateness', true]
    ])
  })

  it('round-trips lines and throttle state through JSON', () => {
    const cfg = NarrationSchema.parse({ global_cooldown_ticks: 10 })
    const events = (t: number) => at(t, [{ type: 'job_late', agent_id: `a${t % 4}`, job_id: 'j' }])
    const straight = new Narrator(cfg)
    const first = new Narrator(cfg)
    for (let t = 1; t <= 40; t++) {
      straight.observe(t, events(t))
      first.observe(t, events(t))
    }
    const second = Narrator.fromJSON(cfg, JSON.parse(JSON.stringify(first.toJSON())))
    for (let t = 41; t <= 80; t++) {
      straight.observe(t, events(t))
      second.observe(t, events(t))
    }
    expect(second.toJSON()).toEqual(straight.toJSON())
  })
})
