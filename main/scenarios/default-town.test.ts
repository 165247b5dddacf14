import { describe, expect, it } from 'vitest'
import { summarizeWorld } from '../sim/world-summary'
import { loadScenario } from './scenario-harness'

describe('the default town: eight people, a small house, two jobs', () => {
  it('lives through two days: everyone eats, washes, sleeps and works; nobody starves', async () => {
    const s = await loadScenario('default.yaml')
    const a = s.sim.world.state.agents.cols
    let lowestHunger = 1
    s.run(2880, () => {
      for (let i = 0; i < 8; i++) lowestHunger = Math.min(lowestHunger, a.hunger[i]!)
    })
    for (let i = 0; i < 8; i++) {
      expect(a.mealsEaten[i]).toBeGreaterThanOrEqual(2)
      expect(a.showers[i]).toBeGreaterThanOrEqual(1)
      expect(a.sleeps[i]).toBeGreaterThanOrEqual(1)
      expect(a.shiftsDone[i]).toBe(2)
      expect(a.wagesEarned[i]).toBeGreaterThan(0)
    }
    expect(lowestHunger).toBeGreaterThan(0)
    const summary = summarizeWorld(s.sim.world)
    expect(summary).toMatchObject({ agents: 8, day: 2, clock: '06:00', employment: { employed: 8 } })
    expect(summary.employment.attendance).toBeGreaterThan(0.7)
    expect(s.ofType('shift_ended')).toHaveLength(16)
  })
})
