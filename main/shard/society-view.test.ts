/**
 * The observer's `society.conflict` block over the default 8-person town as the shard builds it
 * frame by frame: the fairness deltas add up to the conflicts the contention table counts, and
 * every pair in the rivalry feed is on the leaderboard, even after its grudge has faded.
 */
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../scenarios/scenario-harness'
import { SocietyTracker } from './society-view'

const FRAME_TICKS = 10

describe('society view of the default town', () => {
  it('charts the queue conflicts it counts, and ranks every pair its rivalry feed names', async () => {
    const s = await loadScenario('default.yaml')
    const tracker = new SocietyTracker()
    let conflicts = 0
    let framesWithFeed = 0
    let framesWithFadedPair = 0
    for (let frame = 0; frame < 300; frame++) {
      s.run(FRAME_TICKS)
      const view = tracker.view(s.sim.world, undefined).conflict
      conflicts += view.fairness.queue_conflicts
      // Everything the table counts went through the chart's series, frame by frame.
      expect(conflicts).toBe(view.contention.reduce((sum, row) => sum + row.conflicts, 0))
      if (view.rivalry_events.length === 0) continue
      framesWithFeed++
      const ranked = new Set(view.rivalry_leaderboard.map((r) => [r.a, r.b].sort().join('|')))
      const fed = new Set(view.rivalry_events.map((e) => [e.agent_id, e.other].sort().join('|')))
      if (fed.size <= 10) for (const pair of fed) expect(ranked, `tick ${s.sim.world.state.tick}`).toContain(pair)
      for (const row of view.rivalry_leaderboard) {
        const latest = view.rivalry_events.filter((e) => [e.agent_id, e.other].sort().join('|') === [row.a, row.b].sort().join('|')).at(-1)
        expect(row.last_tick).toBe(latest?.tick ?? null)
        if (row.value === 0) framesWithFadedPair++
      }
    }
    expect(conflicts).toBeGreaterThan(10)
    expect(conflicts).toBe(s.sim.world.state.society.counters.queue_conflicts)
    expect(framesWithFeed).toBeGreaterThan(100)
    // The case the operator met: a feed of increments whose ties had all decayed away.
    expect(framesWithFadedPair).toBeGreaterThan(0)
  })
})
