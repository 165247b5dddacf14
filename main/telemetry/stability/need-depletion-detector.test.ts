import { describe, expect, it } from 'vitest'
import { StabilitySchema } from '../../config/sections/telemetry'
import { rewardRoom } from '../../sim/rewards/reward-test-town'
import { factsFor } from '../testing/hub-runner'
import { MAX_DEPLETED_LISTED, NeedDepletionDetector } from './need-depletion-detector'
import { StabilityMonitor } from './stability-monitor'

const cfg = StabilitySchema.parse({ need_depleted: { min_duration_ticks: 3 } })

describe('need depletion', () => {
  it('fires once a need has sat at 0 for the configured ticks, naming who and which need, and clears when it refills', () => {
    const world = rewardRoom()
    const a = world.state.agents.cols
    const detector = new NeedDepletionDetector(cfg.need_depleted)
    a.energy[1] = 0
    a.hygiene[2] = 0.001
    expect(detector.observe(factsFor(world, 1))).toBeNull()
    expect(detector.observe(factsFor(world, 2))).toBeNull()
    const alert = detector.observe(factsFor(world, 3))
    expect(alert && { name: alert.name, message: alert.message }).toEqual({ name: 'need_depleted', message: '1 agent with a need at 0 for 3+ ticks: bob energy for 3 ticks' })
    expect(detector.depleted()).toEqual([{ agent_id: 'bob', need: 'energy', since_tick: 1 }])
    a.hunger[1] = 0
    for (let t = 4; t <= 6; t++) detector.observe(factsFor(world, t))
    expect(detector.depleted()).toEqual([
      { agent_id: 'bob', need: 'energy', since_tick: 1 },
      { agent_id: 'bob', need: 'hunger', since_tick: 4 }
    ])
    a.energy[1] = 0.5
    a.hunger[1] = 0.5
    expect(detector.observe(factsFor(world, 7))).toBeNull()
    expect(detector.depleted()).toEqual([])
    // A streak starts again from scratch.
    a.energy[1] = 0
    expect(detector.observe(factsFor(world, 8))).toBeNull()
  })

  it('honours a threshold above 0, forgets agents that left, and survives a snapshot', () => {
    const world = rewardRoom()
    const a = world.state.agents.cols
    const detector = new NeedDepletionDetector({ at_or_below: 0.1, min_duration_ticks: 2 })
    a.hygiene[0] = 0.05
    a.energy[2] = 0
    detector.observe(factsFor(world, 1))
    expect(detector.observe(factsFor(world, 2))?.message).toBe('2 agents with a need at or below 0.1 for 2+ ticks: ann hygiene for 2 ticks, cat energy for 2 ticks')
    const restored = NeedDepletionDetector.fromJSON({ at_or_below: 0.1, min_duration_ticks: 2 }, JSON.parse(JSON.stringify(detector.toJSON())))
    expect(restored.depleted()).toEqual(detector.depleted())
    a.alive[2] = 0
    restored.observe(factsFor(world, 3))
    expect(restored.depleted()).toEqual([{ agent_id: 'ann', need: 'hygiene', since_tick: 1 }])
  })

  it('is an alert of the monitor, carrying the depleted needs, warn and not a hard hold', () => {
    const world = rewardRoom()
    world.state.agents.cols.energy[0] = 0
    const monitor = StabilityMonitor.create(cfg)
    for (let t = 1; t <= 4; t++) monitor.observe(factsFor(world, t))
    const [alert] = monitor.alerts()
    expect(alert).toMatchObject({ name: 'need_depleted', severity: 'warn', priority: false, tick: 3, depleted: [{ agent_id: 'ann', need: 'energy', since_tick: 1 }] })
    expect(monitor.metrics().needs_depleted).toBe(1)
    const back = StabilityMonitor.fromJSON(cfg, JSON.parse(JSON.stringify(monitor.toJSON())))
    expect(back.alerts()).toEqual(monitor.alerts())
  })
})

describe('need depletion in a big town', () => {
  it('lists at most MAX_DEPLETED_LISTED agent-needs, longest first, and counts them all in the message', () => {
    const world = rewardRoom()
    const monitor = StabilityMonitor.create(StabilitySchema.parse({ need_depleted: { min_duration_ticks: 1 } }))
    for (let k = 0; k < 60; k++) {
      const i = world.state.agents.add(`extra_${k}`)
      // Adding may grow the columns: read them afresh.
      const a = world.state.agents.cols
      a.hunger[i] = a.hygiene[i] = a.energy[i] = 0
    }
    world.state.agents.cols.energy[0] = 0
    monitor.observe(factsFor(world, 1))
    const [alert] = monitor.alerts()
    expect(alert!.depleted).toHaveLength(MAX_DEPLETED_LISTED)
    expect(alert!.message).toMatch(/^61 agents with a need at 0/)
  })
})
