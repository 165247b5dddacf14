import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../../scenarios/scenario-harness'
import { Shift } from '../state/agent-store'
import type { PartialEvent } from '../events/testing/event-samples'
import { REWARD_COMPONENTS, type RewardBreakdown, type RewardComponents } from './reward-components'
import { rewardOf } from './reward-of'
import { exitEvent, respawnEvent, rewardRoom, rewardTick } from './reward-test-town'
import { rewardsFromJSON, rewardsToJSON } from './rewards-json'

const sum = (r: RewardBreakdown) => REWARD_COMPONENTS.reduce((s, k) => s + r.components[k], 0)
const need = fc.double({ min: 0, max: 1, noNaN: true })

describe('reward engine', () => {
  it('pays survival minus the scaled needs penalty; the components add up to the total, inside the tick clip', () => {
    const world = rewardRoom()
    const { clip_per_tick } = world.params.config.rewards.clip
    fc.assert(
      fc.property(fc.array(fc.tuple(need, need, need), { minLength: 3, maxLength: 3 }), (needs) => {
        const a = world.state.agents.cols
        needs.forEach(([h, y, e], i) => {
          a.hunger[i] = h
          a.hygiene[i] = y
          a.energy[i] = e
        })
        rewardTick(world)
        needs.forEach(([h, y, e], i) => {
          const r = rewardOf(world, i)!
          expect(r.components.needs_penalty).toBeCloseTo(-0.05 * ((1 - h) ** 2 + 0.6 * (1 - y) ** 2 + 0.8 * (1 - e) ** 2), 12)
          expect(r.components.survival).toBe(0.002)
          expect(Math.abs(sum(r) - r.total)).toBeLessThan(1e-12)
          expect(Math.abs(r.total)).toBeLessThanOrEqual(clip_per_tick)
        })
      }),
      { numRuns: 200 }
    )
  })

  it("pays this tick's wage, not the running total, and punctuality only on a shift the agent was on time for", async () => {
    const s = await loadScenario('scenarios/employment_punctuality.yaml')
    const world = s.sim.world
    const [dawn, erin] = [s.agent('dawn'), s.agent('erin')]
    const wage = 0.03
    let dawnWages = 0
    const dawnPaid: number[] = []
    let erinPunctualAtWork = 0
    let erinAtWork = 0
    s.run(300, () => {
      const d = rewardOf(world, dawn)!
      dawnWages += d.components.wage
      if (d.components.wage > 0) dawnPaid.push(d.components.wage)
      const e = rewardOf(world, erin)!
      if (e.components.wage > 0) {
        erinAtWork++
        if (e.components.punctuality > 0) erinPunctualAtWork++
      }
      if (d.components.wage > 0) expect(d.components.punctuality).toBe(0.01)
    })
    // Every paid tick pays the job's wage once: the sum matches what the job system paid.
    expect(dawnPaid.length).toBeGreaterThan(100)
    expect(new Set(dawnPaid.map((w) => w.toFixed(12)))).toEqual(new Set([wage.toFixed(12)]))
    expect(dawnWages).toBeCloseTo(world.state.agents.cols.wagesEarned[dawn]!, 9)
    // erin was flagged late: she is paid when she turns up, but never for punctuality.
    expect(world.state.agents.cols.latenessCount[erin]).toBe(1)
    expect(erinAtWork).toBeGreaterThan(0)
    expect(erinPunctualAtWork).toBe(0)
    expect(world.state.agents.cols.shift[erin]).not.toBe(Shift.on_time)
  })

  it("charges the exit's terminal penalty on its final tick and keeps the life's total through it", () => {
    const world = rewardRoom()
    for (let k = 0; k < 5; k++) rewardTick(world)
    const before = rewardOf(world, 0)!.episode_total
    expect(before).toBeCloseTo(0.01, 12)
    rewardTick(world, [exitEvent(world, 'ann', 'faint')])
    const final = rewardOf(world, 0)!
    // Survival would be positive, but the guard takes it on the exit tick; the penalty is whole.
    expect(final.components.terminal_penalty).toBe(-1)
    expect(final.total).toBeCloseTo(-1, 12)
    expect(final.components.clip_adjustment).toBeCloseTo(-0.002, 12)
    expect(final.episode_total).toBeCloseTo(before - 1, 12)
    expect(Math.abs(sum(final) - final.total)).toBeLessThan(1e-12)
    // Gone: nothing more is paid, and the life's total stays as it ended.
    rewardTick(world)
    expect(rewardOf(world, 0)).toEqual(final)
    expect(final.tick).toBe(6)
  })

  it('uses the eviction penalty and the other-reason penalty by reason', () => {
    const world = rewardRoom('rewards: { terminal: { eviction_penalty: -2, other_penalty: -0.5 } }')
    rewardTick(world, [exitEvent(world, 'ann', 'eviction'), exitEvent(world, 'bob', 'console')])
    expect(rewardOf(world, 0)!.components.terminal_penalty).toBe(-2)
    expect(rewardOf(world, 1)!.components.terminal_penalty).toBe(-0.5)
  })

  it('pays a respawn nothing positive until no_positive_within_death_ticks after its original left', () => {
    const world = rewardRoom('rewards: { clip: { no_positive_within_death_ticks: 10 } }')
    rewardTick(world, [exitEvent(world, 'ann', 'faint')])
    const left = world.state.tick
    rewardTick(world)
    rewardTick(world, [respawnEvent(world, 'ann#1', 'ann')])
    const slot = world.state.agents.ids.indexOf('ann#1')
    const paid: [number, number][] = []
    for (let k = 0; k < 15; k++) {
      paid.push([world.state.tick, rewardOf(world, slot)!.total])
      rewardTick(world)
    }
    for (const [t, total] of paid) {
      if (t <= left + 10) expect(total, `tick ${t}`).toBeLessThanOrEqual(0)
      else expect(total, `tick ${t}`).toBe(0.002)
    }
    // A new life: its episode counts from its own first tick.
    expect(rewardOf(world, slot)!.episode_total).toBeCloseTo(0.002 * (world.state.tick - left - 10), 12)
  })

  it('pays nothing positive while an exit is pending at the gate, or soon after one is announced', () => {
    const world = rewardRoom('rewards: { clip: { no_positive_within_death_ticks: 5 } }')
    world.state.lifecycle.pending.push({ agent: 0, reason: 'faint', since: 1, blocked: 'cooldown' })
    rewardTick(world, [{ type: 'employment_exit_pending', agent_id: 'bob', job_id: 'x' }])
    expect(rewardOf(world, 0)!.total).toBe(0)
    expect(rewardOf(world, 1)!.total).toBe(0)
    expect(rewardOf(world, 2)!.total).toBe(0.002)
    world.state.lifecycle.pending = []
    rewardTick(world)
    expect(rewardOf(world, 0)!.total).toBe(0.002) // the gate let go of ann: no longer pending
    for (let k = 0; k < 4; k++) rewardTick(world)
    expect(world.state.tick).toBe(6)
    expect(rewardOf(world, 1)!.total).toBe(0) // announced at tick 1: guarded through tick 1 + 5
    rewardTick(world)
    expect(rewardOf(world, 1)!.total).toBe(0.002)
  })
})

describe('social rewards by stage', () => {
  const chat = { type: 'chat_success' as const, speaker: 'ann', listener: 'bob', quality: 0.5 }
  const events: PartialEvent[] = [
    chat,
    { type: 'chat_failure', speaker: 'cat', listener: 'ann', reason: 'rivalry' },
    { type: 'rivalry_avoidance', agent_id: 'bob', other: 'cat', object_id: 'bed_1' },
    { type: 'queue_conflict', object_id: 'bed_1', actor: 'cat', rival: 'ann', reason: 'handover', queue_length: 1, intensity: 0.5 },
    { type: 'queue_conflict', object_id: 'bed_2', actor: 'bob', rival: 'cat', reason: 'ghost_step', queue_length: 1, intensity: 1 }
  ]
  const run = (stage: string): [RewardComponents, RewardComponents, RewardComponents] => {
    const world = rewardRoom(`features: { stages: { social_rewards: ${stage} } }`)
    rewardTick(world, events)
    return [rewardOf(world, 0)!.components, rewardOf(world, 1)!.components, rewardOf(world, 2)!.components]
  }

  it('OFF pays nothing social', () => {
    for (const c of run('OFF')) expect([c.social_chat, c.social_avoidance, c.social_cooperation]).toEqual([0, 0, 0])
  })

  it('C1 pays chats (quality × base without ties) and charges failed ones', () => {
    const [ann, bob, cat] = run('C1')
    expect(ann.social_chat).toBeCloseTo(0.5 * 0.01 - 0.005 / 2, 12)
    expect(bob.social_chat).toBeCloseTo(0.5 * 0.01, 12)
    expect(cat.social_chat).toBeCloseTo(-0.005, 12)
    expect(bob.social_avoidance).toBe(0)
    expect(cat.social_cooperation).toBe(0)
  })

  it('C2 adds avoidance; C3 adds handovers and charges ghost steps', () => {
    const [, bob2, cat2] = run('C2')
    expect(bob2.social_avoidance).toBe(0.005)
    expect(cat2.social_cooperation).toBe(0)
    const [ann3, bob3, cat3] = run('C3')
    expect(bob3.social_avoidance).toBe(0.005)
    expect(ann3.social_cooperation).toBe(0.005)
    expect(cat3.social_cooperation).toBe(0.005)
    expect(bob3.social_cooperation).toBe(-0.01)
  })

  it('reads trust and familiarity from the society ledger, and pays no chat reward to an agent in crisis', () => {
    const world = rewardRoom('features: { stages: { social_rewards: C1 } }')
    world.state.society.ties[0] = [1, 0.5, 0.4, 0] // ann → bob: trust 0.5, familiarity 0.4
    world.state.agents.cols.energy[1] = 0.1 // bob is exhausted
    rewardTick(world, [chat])
    expect(rewardOf(world, 0)!.components.social_chat).toBeCloseTo(0.5 * (0.01 + 0.3 * 0.5 + 0.2 * 0.4), 12)
    expect(rewardOf(world, 1)!.components.social_chat).toBe(0)
  })

  it('follows the per-cycle schedule: the latest step begun wins over the base stage', () => {
    const world = rewardRoom('features: { stages: { social_rewards: C1 } }\nrewards: { social_schedule: [{ cycle: 1, stage: "OFF" }, { from_tick: 40, stage: C2 }] }')
    // Day 1 begins at tick 1440 − offset (06:00 start: 360 ticks into day 0).
    const stageAt = (tick: number) => {
      world.state.tick = tick - 1
      rewardTick(world, [{ type: 'rivalry_avoidance', agent_id: 'ann', other: 'bob', object_id: 'bed_1' }, chat])
      const c = rewardOf(world, 0)!.components
      return c.social_avoidance > 0 ? 'C2' : c.social_chat > 0 ? 'C1' : 'OFF'
    }
    expect(stageAt(10)).toBe('C1')
    expect(stageAt(40)).toBe('C2')
    expect(stageAt(1079)).toBe('C2')
    expect(stageAt(1080)).toBe('OFF')
  })
})

describe('rewards state', () => {
  it('round-trips through its snapshot, JSON included', () => {
    const world = rewardRoom()
    for (let k = 0; k < 3; k++) rewardTick(world)
    rewardTick(world, [exitEvent(world, 'cat', 'faint')])
    const snap = rewardsToJSON(world.state.rewards)
    const back = rewardsFromJSON(JSON.parse(JSON.stringify(snap)), world.state.agents.count)
    expect(back).toEqual({ ok: true, value: world.state.rewards })
    expect(back.ok && rewardsToJSON(back.value)).toEqual(snap)
  })

  it('refuses data that is not a rewards snapshot, naming the key', () => {
    expect(rewardsFromJSON({ tick: 1 }, 10)).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.stringMatching(/^rewards\.total: missing/)]) })
    const world = rewardRoom()
    rewardTick(world)
    const snap = rewardsToJSON(world.state.rewards)
    expect(rewardsFromJSON({ ...snap, episode: [1] }, world.state.agents.count)).toMatchObject({ ok: false, problems: [expect.stringMatching(/^rewards\.episode: 1 entries, expected \d+/)] })
  })
})
