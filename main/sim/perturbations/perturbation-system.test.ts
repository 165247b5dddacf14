import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashWorld } from '../hash/hash-world'
import type { SimEvent } from '../state/world'
import { isExitSuppressed } from './perturbation-system'
import { perturbationTownProblems } from './town-checks'
import { ofType, perturbedTown, run } from './testing/perturbed-town'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

const SHOCKS = `max_concurrent: 2
global_cooldown_ticks: 30
window_ticks: 720
max_events_per_window: 6
events:
  market_spike: { kind: price_spike, targets: [market], magnitude: [1.2, 1.8], duration: [40, 90], probability_per_day: 3, cooldown_ticks: 60 }
  blackout: { kind: power_outage, duration: [20, 60], probability_per_day: 2, cooldown_ticks: 120, window: ["18:00", "23:00"] }
  dry_taps: { kind: water_outage, duration: [20, 40], probability_per_day: 2, cooldown_ticks: 120 }
  catch_up: { kind: arranged_meet, location: stove, participants: 2, duration: 30, probability_per_day: 2 }`

/** What identifies a run's perturbations: each start with its tick, spec, targets, magnitude and end. */
const sequence = (events: readonly SimEvent[]) => ofType(events, 'perturbation_started').map((e) => [e.tick, e.spec, e.targets, e.magnitude ?? null, e.ends_at])

describe('perturbation scheduler: determinism', () => {
  it('draws the same sequence (and the same world hash) for the same seed, and another for another seed', () => {
    const a = perturbedTown(SHOCKS, { seed: 11 })
    const b = perturbedTown(SHOCKS, { seed: 11 })
    const c = perturbedTown(SHOCKS, { seed: 12 })
    const [ea, eb, ec] = [run(a, 2880), run(b, 2880), run(c, 2880)]
    expect(sequence(ea).length).toBeGreaterThanOrEqual(5)
    expect(sequence(eb)).toEqual(sequence(ea))
    expect(hashWorld(b, sha256)).toBe(hashWorld(a, sha256))
    expect(sequence(ec)).not.toEqual(sequence(ea))
    expect(hashWorld(c, sha256)).not.toBe(hashWorld(a, sha256))
    // Several kinds came up over two days (the society's chats draw from the same stream, so the
    // exact mix follows them too), and each start has its end.
    expect(new Set(ofType(ea, 'perturbation_started').map((e) => e.kind)).size).toBeGreaterThanOrEqual(3)
    const ended = new Set(ofType(ea, 'perturbation_ended').map((e) => e.event_id))
    for (const s of ofType(ea, 'perturbation_started')) if ((s.ends_at as number) <= 2880) expect(ended.has(s.event_id as string)).toBe(true)
  })

  it('draws nothing and changes nothing when no spec has a chance', () => {
    const w = perturbedTown('events:\n  blackout: { kind: power_outage, duration: 30 }')
    const events = run(w, 1440)
    expect(events.filter((e) => e.type.startsWith('perturbation'))).toEqual([])
    expect(w.state.utilities).toEqual({ power: true, water: true })
  })
})

describe('price spikes', () => {
  const SPIKE = `max_concurrent: 3
max_events_per_window: 10
events:
  market_spike: { kind: price_spike, targets: [market], magnitude: 2, duration: 50 }
  meal_spike: { kind: price_spike, targets: [meal_cost], magnitude: [1.5, 1.5], duration: 20 }`

  it('raises meal_cost while active and restores it after', () => {
    const w = perturbedTown(SPIKE)
    const base = { ...w.state.prices }
    const first = run(w, 1, [{ op: 'perturbation_trigger', spec: 'market_spike', cmd_id: 'p1' }])
    expect(ofType(first, 'perturbation_started')[0]).toMatchObject({ event_id: 'evt_1', spec: 'market_spike', kind: 'price_spike', targets: ['meal_cost', 'ingredients_cost'], magnitude: 2, ends_at: 51 })
    expect(w.state.prices).toEqual({ meal_cost: base.meal_cost * 2, ingredients_cost: base.ingredients_cost * 2, wage_income: base.wage_income })
    expect(ofType(first, 'price_changed').map((e) => e.key)).toEqual(['meal_cost', 'ingredients_cost'])
    run(w, 48)
    expect(w.state.prices.meal_cost).toBe(base.meal_cost * 2)
    const end = run(w, 2)
    expect(ofType(end, 'perturbation_ended')).toEqual([expect.objectContaining({ tick: 51, event_id: 'evt_1', spec: 'market_spike', kind: 'price_spike', cancelled: false })])
    expect(w.state.prices).toEqual(base)
  })

  it('compounds overlapping spikes from the baseline and unwinds each exactly', () => {
    const w = perturbedTown(SPIKE)
    const base = w.state.prices.meal_cost
    run(w, 1, [{ op: 'perturbation_trigger', spec: 'market_spike' }, { op: 'perturbation_trigger', spec: 'meal_spike', starts_in: 10 }])
    run(w, 10)
    expect(w.state.prices.meal_cost).toBeCloseTo(base * 3, 9)
    run(w, 20) // meal_spike (ticks 11–31) ended
    expect(w.state.prices.meal_cost).toBeCloseTo(base * 2, 9)
    run(w, 30)
    expect(w.state.prices.meal_cost).toBe(base)
  })

  it("takes a console price change as the new baseline: the active spike stops applying to it, later ones multiply it", () => {
    const w = perturbedTown(SPIKE)
    run(w, 1, [{ op: 'perturbation_trigger', spec: 'market_spike' }])
    const ingredients = w.state.prices.ingredients_cost
    run(w, 1, [{ op: 'set_price', key: 'meal_cost', value: 0.5 }])
    expect(w.state.prices.meal_cost).toBe(0.5)
    expect(w.state.perturbations.baseline.prices.meal_cost).toBe(0.5)
    run(w, 1, [{ op: 'perturbation_trigger', spec: 'meal_spike' }])
    expect(w.state.prices.meal_cost).toBe(0.75)
    expect(w.state.prices.ingredients_cost).toBe(ingredients)
    run(w, 60)
    expect(w.state.prices.meal_cost).toBe(0.5)
  })

  it('cancels a pending spike before it starts, and an active one at once', () => {
    const w = perturbedTown(SPIKE)
    const base = w.state.prices.meal_cost
    run(w, 1, [{ op: 'perturbation_trigger', spec: 'market_spike' }, { op: 'perturbation_trigger', spec: 'meal_spike', starts_in: 5 }])
    const cancel = run(w, 1, [{ op: 'perturbation_cancel', event_id: 'evt_2', cmd_id: 'c1' }, { op: 'perturbation_cancel', event_id: 'evt_1', cmd_id: 'c2' }, { op: 'perturbation_cancel', event_id: 'evt_1', cmd_id: 'c3' }])
    expect(ofType(cancel, 'perturbation_cancelled')).toEqual([
      expect.objectContaining({ event_id: 'evt_2', spec: 'meal_spike', pending: true }),
      expect.objectContaining({ event_id: 'evt_1', spec: 'market_spike', pending: false })
    ])
    expect(ofType(cancel, 'console.result').map((e) => (e.status === 'error' ? e.code : e.status))).toEqual(['ok', 'ok', 'console.conflict'])
    expect(ofType(cancel, 'perturbation_ended')).toEqual([expect.objectContaining({ event_id: 'evt_1', cancelled: true })])
    expect(w.state.prices.meal_cost).toBe(base)
    expect(w.state.perturbations.pending).toEqual([])
    expect(w.state.perturbations.active).toEqual([])
    expect(ofType(run(w, 10), 'perturbation_started')).toEqual([])
  })

  it('refuses an unknown spec or overrides that do not fit its kind', () => {
    const w = perturbedTown(`${SPIKE}\n  blackout: { kind: power_outage, duration: 10 }`)
    const events = run(w, 1, [
      { op: 'perturbation_trigger', spec: 'nope', cmd_id: 'a' },
      { op: 'perturbation_trigger', spec: 'blackout', magnitude: 2, cmd_id: 'b' },
      { op: 'perturbation_trigger', spec: 'market_spike', targets: ['grocer'], cmd_id: 'c' }
    ])
    expect(ofType(events, 'console.result').map((e) => (e.status === 'error' ? e.code : null))).toEqual(['console.not_found', 'console.invalid_args', 'console.invalid_args'])
    expect(ofType(events, 'console.result')[2]).toMatchObject({ status: 'error', message: expect.stringContaining('"grocer" is not an economy key') })
  })
})

describe('utility outages', () => {
  const OUTAGES = `max_concurrent: 4
max_events_per_window: 10
events:
  blackout: { kind: power_outage, duration: [10, 60] }
  dry_taps: { kind: water_outage, duration: 30 }`

  it('holds the power off until the last overlapping outage ends', () => {
    const w = perturbedTown(OUTAGES)
    const started = run(w, 1, [{ op: 'perturbation_trigger', spec: 'blackout', duration: 50 }, { op: 'perturbation_trigger', spec: 'blackout', duration: 20, starts_in: 10 }])
    expect(ofType(started, 'utility_changed')).toEqual([expect.objectContaining({ utility: 'power', on: false, cause: 'perturbation' })])
    run(w, 40) // the second (ticks 11–31) has ended; the first runs to 51
    expect(w.state.utilities.power).toBe(false)
    const back = run(w, 10)
    expect(w.state.utilities.power).toBe(true)
    expect(ofType(back, 'utility_changed')).toEqual([expect.objectContaining({ tick: 51, utility: 'power', on: true })])
  })

  it("lets the console's utility command win over an outage in progress", () => {
    const w = perturbedTown(OUTAGES)
    run(w, 1, [{ op: 'perturbation_trigger', spec: 'dry_taps' }])
    expect(w.state.utilities.water).toBe(false)
    run(w, 1, [{ op: 'set_utility', utility: 'water', on: true }])
    expect(w.state.utilities.water).toBe(true)
    run(w, 2, [{ op: 'set_utility', utility: 'power', on: false }])
    run(w, 40)
    expect(w.state.utilities).toEqual({ power: false, water: true })
  })
})

describe('arranged meetings', () => {
  const MEET = `per_agent_cooldown_ticks: 100
max_events_per_window: 10
max_concurrent: 3
events:
  chat: { kind: arranged_meet, location: shower_1, participants: 3, duration: 25 }`

  it('gathers the agents on free tiles next to the object, one a tile, with tile counts kept', () => {
    const w = perturbedTown(MEET)
    const events = run(w, 1, [{ op: 'arrange_meet', agents: [0, 1, 2], location: 'stove', duration: 15, cmd_id: 'm1' }])
    const meet = ofType(events, 'arranged_meet')[0]!
    expect(meet).toMatchObject({ event_id: 'evt_1', spec: null, object_id: 'stove_1', agents: w.state.agents.ids.slice(0, 3), ends_at: 16 })
    const a = w.state.agents.cols
    const o = w.state.objects.ids.indexOf('stove_1')
    const tiles = new Set<number>()
    for (const i of [0, 1, 2]) {
      expect(Math.abs(a.x[i]! - w.state.objects.x[o]!) + Math.abs(a.y[i]! - w.state.objects.y[o]!)).toBeLessThanOrEqual(3)
      tiles.add(a.y[i]! * w.params.map.width + a.x[i]!)
    }
    expect(tiles.size).toBe(3)
    const counts = new Uint16Array(w.state.tileCount.length)
    for (let i = 0; i < w.state.agents.count; i++) counts[a.y[i]! * w.params.map.width + a.x[i]!]!++
    expect(Array.from(w.state.tileCount)).toEqual(Array.from(counts))
  })

  it('puts participants on their per-agent cooldown after the meet, so a drawn meet picks others', () => {
    const w = perturbedTown(MEET, { population: 5 })
    run(w, 1, [{ op: 'arrange_meet', agents: [0, 1], location: 'fridge_1', duration: 5 }])
    run(w, 5)
    expect(Object.keys(w.state.perturbations.agent_cooldowns).sort()).toEqual([w.state.agents.ids[0], w.state.agents.ids[1]].sort())
    const drawn = run(w, 1, [{ op: 'perturbation_trigger', spec: 'chat' }])
    const gathered = ofType(drawn, 'arranged_meet')[0]!.agents as string[]
    expect(gathered).toHaveLength(3)
    expect(gathered).not.toContain(w.state.agents.ids[0])
    expect(gathered).not.toContain(w.state.agents.ids[1])
  })

  it('skips a meet that cannot gather two people', () => {
    const w = perturbedTown(MEET, { population: 1 })
    const events = run(w, 1, [{ op: 'perturbation_trigger', spec: 'chat' }])
    expect(ofType(events, 'perturbation_skipped')).toEqual([expect.objectContaining({ spec: 'chat', reason: 'fewer than 2 agents could take part' })])
    expect(w.state.perturbations.active).toEqual([])
  })
})

describe('exit suppression', () => {
  const ALL = `exit_grace_ticks: 20
max_concurrent: 4
max_events_per_window: 10
events:
  market_spike: { kind: price_spike, targets: [market], magnitude: 2, duration: 30 }
  wage_cut: { kind: price_spike, targets: [wage_income], magnitude: 0.5, duration: 30 }
  blackout: { kind: power_outage, duration: 30 }
  dry_taps: { kind: water_outage, duration: 30 }`

  it('suppresses exits tied to an active event, and for the grace period after it ends', () => {
    const w = perturbedTown(ALL)
    expect(isExitSuppressed(w, 0, 'faint')).toBe(false)
    run(w, 1, [{ op: 'perturbation_trigger', spec: 'blackout' }])
    expect(isExitSuppressed(w, 0, 'faint')).toBe(true)
    expect(isExitSuppressed(w, 0, 'eviction')).toBe(false)
    expect(isExitSuppressed(w, 0, 'hygiene')).toBe(false)
    run(w, 30) // ended at tick 31: grace runs to 51
    expect(w.state.perturbations.active).toEqual([])
    expect(isExitSuppressed(w, 0, 'faint')).toBe(true)
    run(w, 20)
    expect(isExitSuppressed(w, 0, 'faint')).toBe(false)
  })

  it('ties each kind to its reasons, and a meet to its participants only', () => {
    const w = perturbedTown(ALL)
    run(w, 1, [{ op: 'perturbation_trigger', spec: 'wage_cut' }, { op: 'perturbation_trigger', spec: 'dry_taps' }, { op: 'arrange_meet', agents: [0, 1], location: 'bed' }])
    expect(isExitSuppressed(w, 2, 'eviction')).toBe(true)
    expect(isExitSuppressed(w, 2, 'illness')).toBe(true)
    expect(isExitSuppressed(w, 2, 'faint')).toBe(false)
    expect(isExitSuppressed(w, 0, 'faint')).toBe(true)
    expect(isExitSuppressed(w, 0, 'console')).toBe(false)
    const spike = perturbedTown(ALL)
    run(spike, 1, [{ op: 'perturbation_trigger', spec: 'market_spike' }])
    expect(isExitSuppressed(spike, 3, 'starvation')).toBe(true)
    expect(isExitSuppressed(spike, 3, 'eviction')).toBe(false)
  })
})

describe('town checks', () => {
  it('names a meeting location that is no object id or type on the map, and the config does not load', () => {
    const w = perturbedTown('events:\n  ok: { kind: arranged_meet, location: fridge_1, duration: 10 }')
    const config = { ...w.params.config, perturbations: { ...w.params.config.perturbations, events: { ...w.params.config.perturbations.events, chat: { ...w.params.config.perturbations.events.ok!, location: 'stvoe' } } } }
    expect(perturbationTownProblems(config as typeof w.params.config, w.state.objects)).toEqual([
      { path: ['perturbations', 'events', 'chat', 'location'], message: expect.stringContaining('"stvoe", which is no object id or type on this map: did you mean "stove"?') }
    ])
    expect(() => perturbedTown('events:\n  chat: { kind: arranged_meet, location: stvoe, duration: 10 }')).toThrow(/perturbations\.events\.chat\.location \(line \d+:\d+\).*did you mean "stove"/)
  })
})
