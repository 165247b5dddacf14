import { describe, expect, it } from 'vitest'
import { CONSOLE_TOWN, consoleTown } from '../testing/console-town'

const TOWN = `${CONSOLE_TOWN}perturbations:
  max_concurrent: 2
  events:
    blackout: { kind: power_outage, duration: [20, 40], probability_per_day: 0, cooldown_ticks: 100 }
    market_spike: { kind: price_spike, targets: [market], magnitude: [1.5, 2], duration: 30 }
    chat: { kind: arranged_meet, location: fridge, duration: 10 }
`

describe('perturbation commands', () => {
  it('perturbation_queue shows specs, then active and pending events and cooldowns, to a viewer', () => {
    const t = consoleTown(TOWN)
    const empty = t.send('perturbation_queue', {}, undefined, 'viewer')
    expect(empty).toMatchObject({ status: 'ok', result: { active: [], pending: [], cooldowns: { global: 0, specs: {}, agents: {} }, max_concurrent: 2 } })
    expect((empty.result as { specs: { name: string }[] }).specs.map((s) => s.name)).toEqual(['blackout', 'market_spike', 'chat'])
    t.send('perturbation_trigger', { spec: 'blackout', duration: 5 })
    t.send('perturbation_trigger', { spec: 'market_spike', starts_in: 50 })
    t.sim.step()
    const view = t.send('perturbation_queue', {}, undefined, 'viewer').result as Record<string, unknown>
    expect(view.active).toEqual([expect.objectContaining({ event_id: 'evt_1', spec: 'blackout', kind: 'power_outage', origin: 'console', ends_at: 6, ticks_left: 5, targets: ['power'] })])
    expect(view.pending).toEqual([expect.objectContaining({ event_id: 'evt_2', spec: 'market_spike', starts_at: 51, starts_in: 50 })])
    for (let i = 0; i < 5; i++) t.sim.step()
    const after = t.send('perturbation_queue', {}, undefined, 'viewer').result as { cooldowns: { specs: Record<string, number> } }
    expect(after.cooldowns.specs).toEqual({ blackout: 100 })
  })

  it('perturbation_trigger queues a config spec and answers with its event id at the tick', () => {
    const t = consoleTown(TOWN)
    expect(t.send('perturbation_trigger', { spec: 'market_spike', magnitude: 1.5 }, 'p1')).toMatchObject({ status: 'queued', tick: 1 })
    const base = t.world.state.prices.meal_cost
    t.sim.step()
    expect(t.finals).toEqual([expect.objectContaining({ cmd_id: 'p1', status: 'ok', result: { event_id: 'evt_1', spec: 'market_spike', kind: 'price_spike', starts_at: 1 } })])
    expect(t.world.state.prices.meal_cost).toBeCloseTo(base * 1.5, 9)
  })

  it('perturbation_trigger refuses unknown specs with the nearest name and overrides that do not fit', () => {
    const t = consoleTown(TOWN)
    expect(t.send('perturbation_trigger', { spec: 'blackuot' }).error).toMatchObject({ code: 'console.not_found', message: expect.stringContaining('did you mean "blackout"?') })
    expect(t.send('perturbation_trigger', { spec: 'blackout', magnitude: 2 }).error).toMatchObject({ code: 'console.invalid_args', message: 'magnitude: a power_outage has no magnitude: only price spikes take one' })
    expect(t.send('perturbation_trigger', { spec: 'blackout', targets: ['power'] }).error!.message).toMatch(/^targets: a power_outage affects the whole town/)
    expect(t.send('perturbation_trigger', { spec: 'market_spike', targets: ['grocer'] }).error!.message).toMatch(/^targets: "grocer" is not an economy key/)
    expect(t.send('perturbation_trigger', { spec: 'market_spike', duration: 5000 }).error!.message).toMatch(/longer than a day \(1440 ticks\)/)
    expect(t.send('perturbation_trigger', { spec: 'market_spike', magnitude: -1 }).error).toMatchObject({ code: 'console.invalid_args', message: expect.stringContaining('magnitude') })
    expect(t.send('perturbation_trigger', { spec: 'chat', targets: ['alice', 'bobb'] }).error).toMatchObject({ code: 'console.not_found', message: expect.stringContaining('did you mean "bob"?') })
    expect(t.send('perturbation_trigger', { spec: 'blackout' }, undefined, 'viewer').error!.code).toBe('console.forbidden')
    expect(t.router.pendingCount).toBe(0)
  })

  it('perturbation_cancel needs a cmd_id, knows the events, and ends an active one at once', () => {
    const t = consoleTown(TOWN)
    t.send('perturbation_trigger', { spec: 'blackout' })
    t.sim.step()
    expect(t.world.state.utilities.power).toBe(false)
    expect(t.send('perturbation_cancel', { event_id: 'evt_1' }).error!.code).toBe('console.cmd_id_required')
    expect(t.send('perturbation_cancel', { event_id: 'evt_7' }, 'c0').error).toMatchObject({ code: 'console.not_found', message: expect.stringContaining('did you mean "evt_1"?') })
    expect(t.send('perturbation_cancel', { event_id: 'evt_1' }, 'c1').status).toBe('queued')
    const events = t.sim.step()
    expect(t.world.state.utilities.power).toBe(true)
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['perturbation_cancelled', 'perturbation_ended', 'utility_changed']))
    expect(t.finals.at(-1)).toMatchObject({ cmd_id: 'c1', status: 'ok', result: { event_id: 'evt_1', spec: 'blackout', was: 'active' } })
  })

  it('arrange_meet gathers the named agents near the object, refusing unknown names with the nearest', () => {
    const t = consoleTown(TOWN)
    expect(t.send('arrange_meet', { agents: ['alice', 'bobb'], location: 'fridge_1' }).error!.message).toContain('did you mean "bob"?')
    expect(t.send('arrange_meet', { agents: ['alice', 'bob'], location: 'fridje' }).error).toMatchObject({ code: 'console.not_found', message: expect.stringContaining('did you mean "fridge"?') })
    expect(t.send('arrange_meet', { agents: ['alice'], location: 'fridge' }).error!.code).toBe('console.invalid_args')
    expect(t.send('arrange_meet', { agents: ['alice', 'alice'], location: 'fridge' }).error!.message).toContain('at least 2 different agents')
    expect(t.send('arrange_meet', { agents: ['alice', 'bob'], location: 'bed', duration: 12 }, 'm1').status).toBe('queued')
    const events = t.sim.step()
    const meet = events.find((e) => e.type === 'arranged_meet')
    expect(meet).toMatchObject({ event_id: 'evt_1', object_id: 'bed_1', agents: ['alice', 'bob'], ends_at: 13 })
    const a = t.world.state.agents.cols
    const bed = t.world.state.objects.ids.indexOf('bed_1')
    for (const id of ['alice', 'bob']) {
      const i = t.slot(id)
      expect(Math.abs(a.x[i]! - t.world.state.objects.x[bed]!) + Math.abs(a.y[i]! - t.world.state.objects.y[bed]!)).toBeLessThanOrEqual(2)
    }
    expect(t.finals.at(-1)).toMatchObject({ cmd_id: 'm1', status: 'ok', result: { event_id: 'evt_1', agents: ['alice', 'bob'], location: 'bed', duration: 12 } })
  })
})
