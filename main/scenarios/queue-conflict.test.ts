import { describe, expect, it } from 'vitest'
import { loadScenario } from './scenario-harness'

describe('scenario queue_conflict: three agents, one shower', () => {
  it('serves all three in turn without starvation, with conflict events and a cooldown', async () => {
    const s = await loadScenario('scenarios/queue_conflict.yaml')
    const a = s.sim.world.state.agents
    let maxQueue = 0
    s.run(200, () => {
      maxQueue = Math.max(maxQueue, s.sim.world.state.objects.queue[0]!.length)
    })
    for (const id of ['anna', 'ben', 'cara']) expect(a.cols.showers[s.agent(id)], id).toBe(1)
    expect(maxQueue).toBe(2)
    const starts = s.ofType('affordance_start').map((e) => e.agent_id)
    expect(new Set(starts).size).toBe(3)
    // Every completion with someone waiting hands over and reports a conflict with an intensity.
    const conflicts = s.ofType('queue_conflict')
    expect(conflicts.length).toBeGreaterThanOrEqual(2)
    for (const c of conflicts) expect(c).toMatchObject({ object_id: 'shower_1', reason: 'handover', intensity: expect.any(Number) })
    expect(conflicts[0]!.intensity).toBeGreaterThan(conflicts[conflicts.length - 1]!.intensity as number)
    // Nobody is stuck: the shower is free, the queue empty, and nobody's needs were left to rot.
    expect(s.sim.world.state.objects.holder[0]).toBe(-1)
    expect(s.sim.world.state.objects.queue[0]).toEqual([])
    expect(s.sim.world.state.counters.ghost_step_events).toBe(0)
  })
})
