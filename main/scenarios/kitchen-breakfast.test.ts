import { describe, expect, it } from 'vitest'
import { loadScenario } from './scenario-harness'

describe('scenario kitchen_breakfast: a morning rush on one fridge and one stove', () => {
  it('feeds everyone within the first day, from the fridge while it lasts and then the stove', async () => {
    const s = await loadScenario('scenarios/kitchen_breakfast.yaml')
    const a = s.sim.world.state.agents
    const firstMeal = new Map<string, number>()
    s.run(1440, (tick) => {
      for (let i = 0; i < a.count; i++) if (a.cols.mealsEaten[i]! > 0 && !firstMeal.has(a.ids[i]!)) firstMeal.set(a.ids[i]!, tick)
    })
    expect(firstMeal.size).toBe(6)
    // The rush clears in the morning: six meals take two 15-tick fridge uses and four 40-tick cooks.
    expect(Math.max(...firstMeal.values())).toBeLessThan(400)
    const finishes = s.ofType('affordance_finish')
    expect(finishes.filter((e) => e.affordance_id === 'eat_meal').length).toBeGreaterThanOrEqual(2)
    expect(finishes.filter((e) => e.affordance_id === 'cook_meal').length).toBeGreaterThanOrEqual(4)
    // The fridge ran dry and the stove took the overflow: agents queued there, handing over in turn.
    expect(s.ofType('queue_conflict').some((e) => e.object_id === 'stove_1' && e.reason === 'handover')).toBe(true)
    for (let i = 0; i < a.count; i++) expect(a.cols.hunger[i]).toBeGreaterThan(0.2)
  })
})
