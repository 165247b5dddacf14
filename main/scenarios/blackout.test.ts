import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ConsoleRouter } from '../console/console-router'
import { hashWorld } from '../sim/hash/hash-world'
import { eventsOfType } from '../sim/events/event-map'
import type { SimEvent } from '../sim/state/world'
import { loadScenario } from './scenario-harness'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const at = (events: readonly SimEvent[], from: number, to: number) => events.filter((e) => e.tick >= from && e.tick < to)
const finished = (events: readonly SimEvent[], affordance: string) => eventsOfType(events, 'affordance_finish').filter((e) => e.affordance_id === affordance)

describe('scenario blackout: power and water off for two hours, then back', () => {
  it('fails the stove and the shower during the outage, then people cook and shower again', async () => {
    const s = await loadScenario('scenarios/blackout.yaml')
    s.run(480)
    const started = s.ofType('perturbation_started')
    expect(started.map((e) => [e.tick, e.spec, e.kind, e.origin, e.ends_at])).toEqual([
      [2, 'blackout', 'power_outage', 'scheduled', 122],
      [2, 'dry_taps', 'water_outage', 'scheduled', 122]
    ])
    expect(s.ofType('utility_changed').map((e) => [e.tick, e.utility, e.on])).toEqual([
      [2, 'power', false],
      [2, 'water', false],
      [122, 'power', true],
      [122, 'water', true]
    ])
    const during = at(s.events, 2, 122)
    const fails = during.filter((e) => e.type === 'affordance_fail')
    expect(fails.some((e) => e.object_id === 'stove_1' && e.reason === 'precondition failed: utilities.power')).toBe(true)
    expect(fails.some((e) => e.object_id === 'shower_1' && e.reason === 'precondition failed: utilities.water')).toBe(true)
    expect(new Set(during.filter((e) => e.type === 'utility_outage_noticed').map((e) => e.object_id))).toEqual(new Set(['stove_1', 'shower_1']))
    expect(finished(during, 'cook_meal')).toEqual([])
    expect(finished(during, 'use_shower')).toEqual([])
    // Recovery: the hungry cook and the dirty shower once both are back.
    const after = at(s.events, 122, 481)
    expect(finished(after, 'cook_meal').map((e) => e.agent_id)).toEqual(expect.arrayContaining(['ada', 'cy']))
    expect(finished(after, 'use_shower').map((e) => e.agent_id)).toEqual(expect.arrayContaining(['ben', 'cy']))
    expect(s.ofType('perturbation_ended').map((e) => [e.tick, e.event_id])).toEqual([
      [122, 'evt_1'],
      [122, 'evt_2']
    ])
    expect(s.sim.world.state.perturbations.active).toEqual([])
  })

  it('runs to the same hash twice', async () => {
    const [a, b] = await Promise.all([loadScenario('scenarios/blackout.yaml'), loadScenario('scenarios/blackout.yaml')])
    a.run(300)
    b.run(300)
    expect(hashWorld(b.sim.world, sha256)).toBe(hashWorld(a.sim.world, sha256))
  })

  it('takes a blackout triggered from the console, and ends it early on cancel', async () => {
    const s = await loadScenario('scenarios/blackout.yaml')
    s.run(200) // the scheduled outage is over
    const router = new ConsoleRouter(s.sim)
    expect(router.submit({ name: 'perturbation_trigger', args: { spec: 'blackout', duration: 60 }, issuer: 'ops', role: 'admin', cmd_id: 'b1' }).status).toBe('queued')
    s.run(1)
    expect(s.sim.world.state.utilities.power).toBe(false)
    expect(s.ofType('perturbation_started').at(-1)).toMatchObject({ tick: 201, spec: 'blackout', origin: 'console', ends_at: 261 })
    router.submit({ name: 'perturbation_cancel', args: { event_id: 'evt_3' }, issuer: 'ops', role: 'admin', cmd_id: 'c1' })
    s.run(1)
    expect(s.sim.world.state.utilities.power).toBe(true)
    expect(s.ofType('perturbation_ended').at(-1)).toMatchObject({ tick: 202, event_id: 'evt_3', cancelled: true })
  })
})
