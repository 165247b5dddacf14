import { describe, expect, it } from 'vitest'
import { rivalryOf } from '../sim/society/tie-ledger'
import { loadScenario } from './scenario-harness'

describe('scenario rivalry_decay: four people, one shower, then nobody needs it', () => {
  it('builds rivalry from each handover, then lets every rivalry fade until its tie is removed', async () => {
    const s = await loadScenario('scenarios/rivalry_decay.yaml')
    const society = s.sim.world.state.society
    const { increment_per_conflict: increment, handover_boost: boost, decay_per_tick: decay } = s.sim.world.params.config.society.rivalry
    const floor = s.sim.world.params.config.society.ties.removal_floor
    s.run(100)

    // Contention: three handovers (the queue shrinking 3 → 2 → 1), each stinging both sides by
    // increment × intensity × boost (everyone is balanced), so no pair is left out.
    const conflicts = s.ofType('queue_conflict')
    expect(conflicts.map((c) => c.queue_length)).toEqual([3, 2, 1])
    const changes = s.ofType('rivalry_changed')
    expect(changes).toHaveLength(2 * conflicts.length)
    conflicts.forEach((c, n) => {
      const expected = increment * (c.intensity as number) * boost
      for (const change of changes.slice(2 * n, 2 * n + 2)) {
        expect(change.tick).toBe(c.tick)
        expect(change.reason).toBe('handover')
        expect(change.delta as number).toBeCloseTo(expected, 6)
        expect([change.agent_id, change.other].sort()).toEqual([c.actor, c.rival].sort())
      }
    })
    // The first pair's rivalry reaches the avoid threshold, but with one shower nobody can avoid anyone.
    expect(changes[0]!.value).toBeGreaterThanOrEqual(s.sim.world.params.config.society.rivalry.avoid_threshold)
    expect(s.ofType('rivalry_avoidance')).toEqual([])
    for (const id of ['anna', 'ben', 'cara', 'dev']) expect(s.sim.world.state.agents.cols.showers[s.agent(id)], id).toBe(1)

    // Decay: after the last conflict nothing stings again; each tie goes within a tick of when
    // its value minus decay × ticks reaches the floor.
    const removals = conflicts.map((c) => ({
      a: s.agent(c.actor as string),
      b: s.agent(c.rival as string),
      due: c.tick + (increment * (c.intensity as number) * boost - floor) / decay
    }))
    const removedAt = new Map<number, number>()
    s.run(300, (tick) => {
      removals.forEach((r, n) => {
        if (!removedAt.has(n) && rivalryOf(society, r.a, r.b) === 0 && rivalryOf(society, r.b, r.a) === 0) removedAt.set(n, tick)
      })
    })
    removals.forEach((r, n) => {
      expect(removedAt.get(n)).toBeGreaterThanOrEqual(Math.floor(r.due))
      expect(removedAt.get(n)).toBeLessThanOrEqual(Math.ceil(r.due) + 1)
    })
    expect(s.ofType('queue_conflict')).toHaveLength(3)
    expect(society.tieCount).toBe(0)
    expect(society.counters.ties_removed).toBe(6)
  })
})
