import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as Perturbations from '../perturbations/perturbation-system'
import { lifecycleTown, runner } from './lifecycle-test-towns'

// The perturbation scheduler owns suppression; here it is a switch the test flips.
const suppress = vi.hoisted(() => ({ on: true, calls: [] as [number, string][] }))
vi.mock('../perturbations/perturbation-system', async (original) => ({
  ...(await original<typeof Perturbations>()),
  isExitSuppressed: (_world: unknown, agent: number, reason: string) => {
    suppress.calls.push([agent, reason])
    return suppress.on
  }
}))

beforeEach(() => {
  suppress.on = true
  suppress.calls = []
})

describe('perturbation-tied exit suppression', () => {
  it('asks isExitSuppressed before every exit and holds a suppressed one until it is lifted', () => {
    const world = lifecycleTown({ population: 2, jobs: false, lifecycle: 'faint_after_ticks: 0, respawn: false' })
    world.state.agents.cols.hunger[1] = 0
    const run = runner(world)
    run.until(20)
    expect(run.ofType('agent_exit')).toHaveLength(0)
    expect(run.ofType('agent_exit_deferred')).toEqual([expect.objectContaining({ tick: 1, agent_id: 'bob', reason: 'faint', blocked_by: 'suppressed' })])
    expect(suppress.calls[0]).toEqual([1, 'faint'])
    expect(suppress.calls).toHaveLength(20)
    suppress.on = false
    run.until(21)
    expect(run.ofType('agent_exit')).toEqual([expect.objectContaining({ tick: 21, agent_id: 'bob', reason: 'faint' })])
  })
})
