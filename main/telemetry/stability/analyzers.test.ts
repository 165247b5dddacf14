import { describe, expect, it } from 'vitest'
import { StabilitySchema } from '../../config/sections/telemetry'
import { OPTION_INDEX, Phase } from '../../sim/state/agent-store'
import { rewardRoom } from '../../sim/rewards/reward-test-town'
import { factsFor } from '../testing/hub-runner'
import { AffordanceFailureAnalyzer, RivalrySpikeAnalyzer } from './event-count-analyzers'
import { OptionThrashDetector } from './option-thrash'
import { QueuePressureAnalyzer } from './queue-pressure'
import { RewardVarianceAnalyzer } from './reward-variance'

const cfg = StabilitySchema.parse({})

describe('stability analyzers', () => {
  it('option thrash: abandoning fresh options counts; finishing and choosing again does not', () => {
    const world = rewardRoom()
    const a = world.state.agents.cols
    const detector = new OptionThrashDetector(cfg.option_thrash)
    const options = ['eat', 'sleep'] as const
    let alert = null
    for (let t = 1; t <= 12; t++) {
      const option = options[t % 2]!
      // The tick carries the decision out (agent 0 sets off for the new option), then telemetry sees it.
      a.option[0] = OPTION_INDEX[option]
      a.optionSince[0] = t
      a.phase[0] = Phase.walking
      alert = detector.observe(factsFor(world, t, [], { decisions: t === 1 ? [] : [{ agent: 0, option, object: -1 }] }))
    }
    expect(detector.rate()).toBe(1)
    expect(alert).toMatchObject({ name: 'option_thrash_detected' })
    expect(alert!.message).toMatch(/100% of 11 decisions/)

    const calm = new OptionThrashDetector(cfg.option_thrash)
    for (let t = 1; t <= 12; t++) {
      const option = options[t % 2]!
      a.option[1] = OPTION_INDEX[option]
      a.optionSince[1] = t
      a.phase[1] = Phase.done // each option is over by the end of its tick, before the next decision
      alert = calm.observe(factsFor(world, t, [], { decisions: t === 1 ? [] : [{ agent: 1, option, object: -1 }] }))
    }
    expect(calm.rate()).toBe(0)
    expect(alert).toBeNull()
  })

  it('reward variance: a swinging reward stream raises reward_variance_spike, a steady one does not', () => {
    const world = rewardRoom()
    const swinging = new RewardVarianceAnalyzer(cfg.reward_variance)
    const steady = new RewardVarianceAnalyzer(cfg.reward_variance)
    let a = null
    let b = null
    for (let t = 1; t <= 10; t++) {
      a = swinging.observe(factsFor(world, t, [], { rewards: [1, -1] }))
      b = steady.observe(factsFor(world, t, [], { rewards: [-0.03, -0.03] }))
    }
    expect(swinging.variance()).toBeCloseTo(1, 12)
    expect(a).toMatchObject({ name: 'reward_variance_spike' })
    expect(steady.variance()).toBe(0)
    expect(b).toBeNull()
  })

  it('queue fairness pressure: ghost steps from the counter deltas over the window', () => {
    const world = rewardRoom()
    const analyzer = new QueuePressureAnalyzer(cfg.queue_fairness)
    const seen = []
    for (let t = 1; t <= 70; t++) {
      if (t <= 5) world.state.counters.ghost_step_events++
      seen.push(analyzer.observe(factsFor(world, t))?.name ?? null)
    }
    expect(seen.slice(0, 5)).toEqual([null, null, null, null, 'queue_fairness_pressure'])
    expect(seen[59]).toBe('queue_fairness_pressure') // tick 60: ticks 1–60 still in the window
    expect(seen[60]).toBeNull()
  })

  it('queue fairness pressure: attached mid-run, the first tick is only a baseline', () => {
    const world = rewardRoom()
    world.state.counters.ghost_step_events = 50
    const analyzer = new QueuePressureAnalyzer(cfg.queue_fairness)
    expect(analyzer.observe(factsFor(world, 500))).toBeNull()
    expect(analyzer.deltas().ghost_step_events).toBe(0)
  })

  it('rivalry spikes count rising rivalries at or above the threshold', () => {
    const world = rewardRoom()
    const analyzer = new RivalrySpikeAnalyzer(cfg.rivalry)
    const rising = { type: 'rivalry_changed' as const, agent_id: 'ann', other: 'bob', value: 0.75, delta: 0.1, reason: 'queue_conflict' }
    const easing = { ...rising, delta: -0.01 }
    const low = { ...rising, value: 0.4 }
    expect(analyzer.observe(factsFor(world, 1, [rising, rising, easing, low, low]))).toBeNull()
    expect(analyzer.observe(factsFor(world, 2, [rising, rising, rising]))).toMatchObject({ name: 'rivalry_spike' })
  })

  it('affordance failures above the maximum in the window', () => {
    const world = rewardRoom()
    const analyzer = new AffordanceFailureAnalyzer(cfg.affordance_failures)
    const fail = { type: 'affordance_fail' as const, agent_id: 'ann', object_id: 'bed_1', affordance_id: 'rest_sleep', reason: 'interrupted' }
    expect(analyzer.observe(factsFor(world, 1, Array.from({ length: 20 }, () => fail)))).toBeNull()
    expect(analyzer.observe(factsFor(world, 2, [fail]))).toMatchObject({ name: 'affordance_failures_exceeded', message: expect.stringMatching(/^21 affordance failures/) })
  })
})
