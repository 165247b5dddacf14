/**
 * The observer's `society.conflict` block over the default 8-person town as the shard builds it
 * frame by frame: the queue totals are the conflicts the contention table counts, and every pair
 * in the rivalry feed is on the leaderboard, even after its grudge has faded.
 */
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../scenarios/scenario-harness'
import { societyView } from './society-view'

const FRAME_TICKS = 10

describe('society view of the default town', () => {
  it('sends the queue conflicts it counts as totals, and ranks every pair its rivalry feed names', async () => {
    const s = await loadScenario('default.yaml')
    let framesWithFeed = 0
    let framesWithFadedPair = 0
    let last = -1
    for (let frame = 0; frame < 300; frame++) {
      s.run(FRAME_TICKS)
      const view = societyView(s.sim.world, undefined).conflict
      // Totals, so any two frames a client gets difference to what happened between them.
      expect(view.fairness.queue_conflicts).toBe(view.contention.reduce((sum, row) => sum + row.conflicts, 0))
      expect(view.fairness.queue_conflicts).toBeGreaterThanOrEqual(last)
      last = view.fairness.queue_conflicts
      if (view.rivalry_events.length === 0) continue
      framesWithFeed++
      const pairOf = (a: string, b: string) => [a, b].sort().join('|')
      const ranked = new Set(view.rivalry_leaderboard.map((r) => pairOf(r.a, r.b)))
      const fed = new Set(view.rivalry_events.map((e) => pairOf(e.agent_id, e.other)))
      if (fed.size <= 10) for (const pair of fed) expect(ranked, `tick ${s.sim.world.state.tick}`).toContain(pair)
      for (const row of view.rivalry_leaderboard) {
        const latest = view.rivalry_events.filter((e) => pairOf(e.agent_id, e.other) === pairOf(row.a, row.b)).at(-1)
        expect(row.last_tick).toBe(latest?.tick ?? null)
        if (row.value === 0) framesWithFadedPair++
      }
    }
    expect(last).toBeGreaterThan(10)
    expect(last).toBe(s.sim.world.state.society.counters.queue_conflicts)
    expect(framesWithFeed).toBeGreaterThan(100)
    // The case the operator met: a feed of increments whose ties had all decayed away.
    expect(framesWithFadedPair).toBeGreaterThan(0)
  })
})
