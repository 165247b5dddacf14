import { describe, expect, it } from 'vitest'
import { findAgent } from '../sim/state/agent-store'
import { consoleTown } from './testing/console-town'

/**
 * A 24-tick day (one tick an hour) with a one-hour shift nobody sets off for early (no arrival
 * buffer), so everyone misses it: one absent shift queues them, and with no daily cap they wait
 * for the operator. The shift ends at tick 4.
 */
const TOWN = `config_id: employment_console
seed: 3
rewards:
  decay_rates: { hunger: 0, hygiene: 0, energy: 0 }
behavior: { job_arrival_buffer: 0 }
world:
  ticks_per_day: 24
  population: 3
  tile_capacity: 4
  layout:
    map: |
      ##########
      #........#
      #.F..B...#
      ###.######
      #........#
      #..W.....#
      ##########
    homes:
      - { id: flat, area: [1, 1, 8, 2] }
    workplaces:
      - { id: works, area: [1, 4, 8, 2] }
jobs:
  clerk: { workplace: works, start: "09:00", end: "10:00" }
employment: { max_absent_shifts: 1, daily_exit_cap: 0, review_window_ticks: 1000 }
`

function queuedTown() {
  const t = consoleTown(TOWN)
  for (let k = 0; k < 4; k++) t.sim.step()
  return t
}

describe('employment console commands', () => {
  it('employment_status shows a viewer the queue, the caps and the absences per job', () => {
    const t = queuedTown()
    const status = t.send('employment_status', {}, undefined, 'viewer')
    expect(status.status).toBe('ok')
    const result = status.result as Record<string, unknown>
    expect(result).toMatchObject({
      tick: 4,
      enforce_exits: true,
      exits_today: { processed: 0, exits: 0 },
      caps: { max_absent_shifts: 1, absence_window_days: 7, daily_exit_cap: 0, review_window_ticks: 1000, exit_queue_limit: 8, exit_cooldown_ticks: 120, max_exits_per_day: 2 },
      absences_by_job: { clerk: { agents: 3, absent_agents: 3, absent_shifts: 3, at_threshold: 3 } },
      pending_exits: []
    })
    expect(result.queue).toEqual([
      { agent_id: 'alice', job_id: 'clerk', since: 4, waited_ticks: 0, review_due_tick: 1004, approved: false, absent_shifts: 1 },
      expect.objectContaining({ agent_id: 'bob' }),
      expect.objectContaining({ agent_id: 'cara' })
    ])
  })

  it('employment_exit is admin and needs a cmd_id; review answers at once', () => {
    const t = queuedTown()
    expect(t.send('employment_exit', { action: 'review' }, 'r1', 'viewer').error!.code).toBe('console.forbidden')
    expect(t.send('employment_exit', { action: 'review' }).error!.code).toBe('console.cmd_id_required')
    const review = t.send('employment_exit', { action: 'review' }, 'r2')
    expect(review).toMatchObject({ status: 'ok', result: { tick: 4, queue: [{ agent_id: 'alice' }, { agent_id: 'bob' }, { agent_id: 'cara' }], pending_exits: [] } })
    expect(t.send('employment_exit', { action: 'approve' }, 'r3').error).toMatchObject({ code: 'console.invalid_args', message: expect.stringContaining('agent') })
  })

  it('approve: the agent leaves at the next tick (eviction), and later commands on it are not found', () => {
    const t = queuedTown()
    const queued = t.send('employment_exit', { action: 'approve', agent: 'alice' }, 'a1')
    expect(queued).toMatchObject({ status: 'queued', tick: 5 })
    const events = t.sim.step()
    expect(t.finals).toEqual([expect.objectContaining({ cmd_id: 'a1', status: 'ok', tick: 5, result: { agent_id: 'alice', action: 'approve', job_id: 'clerk' } })])
    expect(events.find((e) => e.type === 'employment_exit_processed')).toMatchObject({ agent_id: 'alice', reason: 'manual_approve' })
    expect(events.find((e) => e.type === 'agent_exit')).toMatchObject({ agent_id: 'alice', reason: 'eviction' })
    expect(findAgent(t.world.state.agents, 'alice')).toBe(-1)
    for (const [name, args] of [
      ['employment_exit', { action: 'defer', agent: 'alice' }],
      ['setneed', { agent: 'alice', need: 'hunger', value: 0.5 }]
    ] as const) {
      expect(t.send(name, args, `after-${name}`).error!.code).toBe('console.not_found')
    }
    const status = t.send('employment_status', {}, undefined, 'viewer').result as Record<string, unknown>
    expect(status).toMatchObject({ exits_today: { processed: 1, exits: 1 }, totals: { eviction: 1 } })
    expect(status.respawns).toEqual([expect.objectContaining({ original_agent_id: 'alice' })])
  })

  it('defer takes the agent out of the queue and resets its absences; approving or deferring it again conflicts', () => {
    const t = queuedTown()
    expect(t.send('employment_exit', { action: 'defer', agent: 'bob' }, 'd1').status).toBe('queued')
    const events = t.sim.step()
    expect(events.find((e) => e.type === 'employment_exit_deferred')).toMatchObject({ agent_id: 'bob', job_id: 'clerk', stage: 'queue' })
    expect(events.some((e) => e.type === 'agent_exit')).toBe(false)
    const status = t.send('employment_status', {}, undefined, 'viewer').result as { queue: { agent_id: string }[]; absences_by_job: unknown }
    expect(status.queue.map((q) => q.agent_id)).toEqual(['alice', 'cara'])
    expect(status.absences_by_job).toEqual({ clerk: { agents: 3, absent_agents: 2, absent_shifts: 2, at_threshold: 2 } })
    expect(t.send('employment_exit', { action: 'approve', agent: 'bob' }, 'd2').error!.code).toBe('console.conflict')
    expect(t.send('employment_exit', { action: 'defer', agent: 'bob' }, 'd3').error!.code).toBe('console.conflict')
  })
})
