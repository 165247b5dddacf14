import { describe, expect, it } from 'vitest'
import { findAgent } from '../state/agent-store'
import { lifecycleTown, runner, SHIFT_END } from './lifecycle-test-towns'

const OPEN_GATE = 'exit_cooldown_ticks: 0, max_exits_per_day: 0, respawn: false'
const slot = (world: ReturnType<typeof lifecycleTown>, id: string) => findAgent(world.state.agents, id)

describe('employment exit queue', () => {
  it('queues an agent at the absence threshold and processes up to the daily cap at once, the rest on later days', () => {
    const world = lifecycleTown({ employment: 'max_absent_shifts: 2, daily_exit_cap: 1, review_window_ticks: 1000', lifecycle: OPEN_GATE })
    const run = runner(world)
    run.until(SHIFT_END(0))
    expect(run.ofType('employment_exit_pending')).toHaveLength(0)
    expect(world.state.lifecycle.employment.absences[String(slot(world, 'alice'))]).toEqual([0])
    run.until(SHIFT_END(1))
    expect(run.ofType('employment_exit_pending').map((e) => [e.agent_id, e.job_id, e.pending_count])).toEqual([
      ['alice', 'clerk', 1],
      ['bob', 'porter', 2],
      ['cara', 'clerk', 3]
    ])
    expect(run.ofType('employment_exit_processed')).toEqual([expect.objectContaining({ tick: SHIFT_END(1), agent_id: 'alice', job_id: 'clerk', reason: 'daily_cap' })])
    expect(run.ofType('agent_exit')).toEqual([expect.objectContaining({ tick: SHIFT_END(1), agent_id: 'alice', reason: 'eviction' })])
    // The next day (it starts at tick 42) takes one more, the day after the last.
    run.until(100)
    expect(run.ofType('employment_exit_processed').map((e) => [e.agent_id, e.reason, e.tick])).toEqual([
      ['alice', 'daily_cap', 28],
      ['bob', 'daily_cap', 42],
      ['cara', 'daily_cap', 66]
    ])
    expect(world.state.lifecycle.employment.queue).toEqual([])
  })

  it('processes entries unreviewed after the review window, past the daily cap', () => {
    const world = lifecycleTown({ employment: 'max_absent_shifts: 2, daily_exit_cap: 1, review_window_ticks: 10', lifecycle: OPEN_GATE })
    const run = runner(world)
    run.until(SHIFT_END(1) + 10)
    expect(run.ofType('employment_exit_processed').map((e) => [e.agent_id, e.reason, e.tick, e.waited_ticks])).toEqual([
      ['alice', 'daily_cap', 28, 0],
      ['bob', 'auto_review', 38, 10],
      ['cara', 'auto_review', 38, 10]
    ])
    expect(run.ofType('agent_exit').map((e) => e.agent_id)).toEqual(['alice', 'bob', 'cara'])
  })

  it('with a cap of 0 waits for an operator: approve exits the agent at that tick, defer forgives it', () => {
    const world = lifecycleTown({ employment: 'max_absent_shifts: 2, daily_exit_cap: 0, review_window_ticks: 100000', lifecycle: OPEN_GATE })
    const run = runner(world)
    run.until(SHIFT_END(1) + 5)
    expect(run.ofType('employment_exit_processed')).toHaveLength(0)
    expect(world.state.lifecycle.employment.queue.map((q) => q.agent)).toEqual([0, 1, 2])
    const [alice, bob] = [slot(world, 'alice'), slot(world, 'bob')]
    const events = run.until(SHIFT_END(1) + 6, {
      [SHIFT_END(1) + 6]: [
        { op: 'employment_exit', agent: alice, action: 'approve', cmd_id: 'a' },
        { op: 'employment_exit', agent: bob, action: 'defer', cmd_id: 'd' }
      ]
    })
    expect(events.filter((e) => e.type === 'console.result').map((e) => e.status)).toEqual(['ok', 'ok'])
    expect(events.find((e) => e.type === 'employment_exit_deferred')).toMatchObject({ agent_id: 'bob', job_id: 'porter', stage: 'queue' })
    expect(events.find((e) => e.type === 'employment_exit_processed')).toMatchObject({ agent_id: 'alice', reason: 'manual_approve' })
    expect(events.find((e) => e.type === 'agent_exit')).toMatchObject({ agent_id: 'alice', reason: 'eviction' })
    expect(world.state.agents.cols.alive[alice]).toBe(0)
    // bob's absences start again from zero: two more absent shifts queue him again.
    expect(world.state.lifecycle.employment.absences[String(bob)]).toBeUndefined()
    run.until(SHIFT_END(2))
    expect(world.state.lifecycle.employment.queue.map((q) => q.agent)).toEqual([2])
    run.until(SHIFT_END(3))
    expect(world.state.lifecycle.employment.queue.map((q) => q.agent)).toEqual([2, bob])
    // A stale command (the agent is no longer queued) is refused at the tick and changes nothing.
    const stale = run.until(SHIFT_END(3) + 1, { [SHIFT_END(3) + 1]: [{ op: 'employment_exit', agent: alice, action: 'approve', cmd_id: 's' }] })
    expect(stale.find((e) => e.type === 'console.result')).toMatchObject({ status: 'error', code: 'console.not_found' })
  })

  it('refuses agents beyond the queue limit with an overflow event', () => {
    const world = lifecycleTown({ employment: 'max_absent_shifts: 2, daily_exit_cap: 0, exit_queue_limit: 2', lifecycle: OPEN_GATE })
    const run = runner(world)
    run.until(SHIFT_END(1))
    expect(run.ofType('employment_exit_pending').map((e) => e.agent_id)).toEqual(['alice', 'bob'])
    expect(run.ofType('employment_exit_queue_overflow')).toEqual([expect.objectContaining({ agent_id: 'cara', pending_count: 2, limit: 2 })])
  })

  it('counts absences over a rolling window of days', () => {
    const world = lifecycleTown({ employment: 'max_absent_shifts: 3, absence_window_days: 2', lifecycle: OPEN_GATE })
    const run = runner(world)
    run.until(SHIFT_END(6))
    // Never more than two absent shifts inside a two-day window: nobody reaches three.
    expect(run.ofType('employment_exit_pending')).toHaveLength(0)
    expect(world.state.lifecycle.employment.absences[String(slot(world, 'alice'))]).toEqual([5, 6])
    run.until(SHIFT_END(7) - 1) // day 7 has begun; its shift has not ended yet
    expect(world.state.lifecycle.employment.absences[String(slot(world, 'alice'))]).toEqual([6])
  })

  it('only counts with enforce_exits off', () => {
    const world = lifecycleTown({ employment: 'enforce_exits: false, max_absent_shifts: 1', lifecycle: OPEN_GATE })
    const run = runner(world)
    run.until(SHIFT_END(3))
    expect(run.ofType('employment_exit_pending')).toHaveLength(0)
    expect(run.ofType('agent_exit')).toHaveLength(0)
    expect(world.state.lifecycle.employment.absences[String(slot(world, 'alice'))]).toHaveLength(4)
  })

  it('turns a faint held at the gate into the eviction, which eating no longer cancels', () => {
    const world = lifecycleTown({ employment: 'max_absent_shifts: 1, daily_exit_cap: 0', lifecycle: 'faint_after_ticks: 0, exit_cooldown_ticks: 1000, respawn: false' })
    world.state.agents.cols.hunger[0] = 0
    const run = runner(world)
    run.until(SHIFT_END(0)) // alice fainted at tick 1 (the cooldown runs); bob and cara are queued
    const bob = slot(world, 'bob')
    expect(world.state.lifecycle.employment.queue.map((q) => q.agent)).toEqual([bob, slot(world, 'cara')])
    const t = SHIFT_END(0)
    run.until(t + 3, {
      [t + 1]: [{ op: 'set_need', agent: bob, need: 'hunger', value: 0 }],
      [t + 2]: [{ op: 'employment_exit', agent: bob, action: 'approve' }],
      [t + 3]: [{ op: 'set_need', agent: bob, need: 'hunger', value: 0.9 }]
    })
    expect(world.state.lifecycle.pending).toEqual([expect.objectContaining({ agent: bob, reason: 'eviction', blocked: 'cooldown' })])
    expect(run.ofType('agent_exit_cancelled')).toHaveLength(0)
  })
})
