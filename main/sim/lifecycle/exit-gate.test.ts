import { describe, expect, it } from 'vitest'
import { dayOf } from '../time/clock'
import { lifecycleTown, runner } from './lifecycle-test-towns'

/** A jobless town of `n` whose first `starving` agents have hunger 0.02 (needs never decay here). */
function starvingTown(n: number, starving: number, lifecycle: string) {
  const world = lifecycleTown({ population: n, jobs: false, lifecycle })
  for (let i = 0; i < n; i++) world.state.agents.cols.hunger[i] = i < starving ? 0.02 : 1
  return world
}

describe('fainting', () => {
  it('faints an agent that starved for faint_after_ticks, and nobody else', () => {
    const world = starvingTown(3, 1, 'faint_after_ticks: 30, exit_cooldown_ticks: 0, respawn: false')
    const run = runner(world)
    run.until(30)
    expect(run.ofType('agent_exit')).toHaveLength(0)
    run.until(40)
    // Starving from tick 1, so 30 ticks later.
    expect(run.ofType('agent_exit')).toEqual([expect.objectContaining({ tick: 31, agent_id: 'alice', reason: 'faint', job_id: null })])
    expect(world.state.agents.cols.alive[0]).toBe(0)
    expect(world.state.lifecycle.totals.faint).toBe(1)
    expect(world.state.lifecycle.starving).toEqual({})
  })

  it('forgets the starvation of an agent that ate in time', () => {
    const world = starvingTown(2, 1, 'faint_after_ticks: 10, respawn: false')
    const run = runner(world)
    run.until(40, { 8: [{ op: 'set_need', agent: 0, need: 'hunger', value: 0.5 }] })
    expect(run.ofType('agent_exit')).toHaveLength(0)
    expect(world.state.lifecycle.starving).toEqual({})
  })

  it('faints at once with faint_after_ticks 0, and never with fainting off', () => {
    const atOnce = runner(starvingTown(2, 1, 'faint_after_ticks: 0, respawn: false'))
    atOnce.until(1)
    expect(atOnce.ofType('agent_exit')).toEqual([expect.objectContaining({ tick: 1, reason: 'faint' })])
    const off = runner(starvingTown(2, 1, 'fainting: false, faint_after_ticks: 0'))
    off.until(100)
    expect(off.ofType('agent_exit')).toHaveLength(0)
  })
})

describe('the exit gate', () => {
  it('keeps exits a cooldown apart and within the daily cap, and lets the held-back ones go later', () => {
    const world = starvingTown(5, 5, 'faint_after_ticks: 0, exit_cooldown_ticks: 5, max_exits_per_day: 2, respawn: false')
    const run = runner(world)
    run.until(24 * 3)
    const exits = run.ofType('agent_exit').map((e) => e.tick)
    // Days begin at ticks 18, 42 and 66 (a 24-tick day from 06:00).
    expect(exits).toEqual([1, 6, 18, 23, 42])
    for (let k = 1; k < exits.length; k++) expect(exits[k]! - exits[k - 1]!).toBeGreaterThanOrEqual(5)
    const perDay = new Map<number, number>()
    for (const t of exits) perDay.set(dayOf(world.params.clock, t), (perDay.get(dayOf(world.params.clock, t)) ?? 0) + 1)
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(2)
    // Each held-back exit says why once, keeps what holds it now, and none is lost.
    expect(run.ofType('agent_exit_deferred').map((e) => [e.tick, e.agent_id, e.blocked_by])).toEqual([
      [1, 'bob', 'cooldown'],
      [1, 'cara', 'cooldown'],
      [1, 'dan', 'cooldown'],
      [1, 'erin', 'cooldown']
    ])
    expect(world.state.lifecycle.pending).toEqual([])
    expect(world.state.lifecycle.totals.faint).toBe(5)
  })

  it('shows what holds each exit back now', () => {
    const world = starvingTown(3, 3, 'faint_after_ticks: 0, exit_cooldown_ticks: 5, max_exits_per_day: 2, respawn: false')
    const run = runner(world)
    run.until(3)
    expect(world.state.lifecycle.pending.map((p) => [p.agent, p.blocked])).toEqual([
      [1, 'cooldown'],
      [2, 'cooldown']
    ])
    run.until(11) // bob left at 6; cara's cooldown ends at 11, but the day already had two exits
    expect(world.state.lifecycle.pending.map((p) => [p.agent, p.blocked])).toEqual([[2, 'daily_cap']])
  })

  it('cancels a held-back faint when the agent eats meanwhile', () => {
    const world = starvingTown(2, 2, 'faint_after_ticks: 0, exit_cooldown_ticks: 50, respawn: false')
    const run = runner(world)
    run.until(10, { 5: [{ op: 'set_need', agent: 1, need: 'hunger', value: 0.6 }] })
    expect(run.ofType('agent_exit').map((e) => e.agent_id)).toEqual(['alice'])
    expect(run.ofType('agent_exit_cancelled')).toEqual([expect.objectContaining({ tick: 5, agent_id: 'bob', reason: 'faint', why: 'recovered' })])
    run.until(100)
    expect(run.ofType('agent_exit')).toHaveLength(1)
  })

  it('does nothing with features.systems.lifecycle off', () => {
    const world = lifecycleTown({ jobs: false, lifecycle: 'faint_after_ticks: 0' })
    world.params.config.features.systems.lifecycle = 'off'
    world.state.agents.cols.hunger[0] = 0
    const run = runner(world)
    run.until(50)
    expect(run.ofType('agent_exit')).toHaveLength(0)
  })
})
