import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadOnnxPolicy } from '../policy/runtime/onnx-policy'
import { summarizeWorld } from '../sim/world-summary'
import { CONFIGS_DIR, loadScenario } from './scenario-harness'

/**
 * The shipped policies (configs/policies, cloned from the scripted controller) drive the default
 * town alone, every decision from the model: the town must live as it does under the controller.
 */
describe.each(['release.onnx', 'candidate.onnx'])('the default town driven by %s', (model) => {
  it('lives through two days: everyone eats, sleeps and works', async () => {
    const s = await loadScenario('default.yaml')
    const policy = await loadOnnxPolicy(resolve(CONFIGS_DIR, 'policies', model), s.sim.policy.spec)
    if (!policy.ok) throw new Error(policy.error.message)
    s.sim.policy.use(policy.value)
    const a = s.sim.world.state.agents.cols
    let lowestHunger = 1
    for (let t = 0; t < 2880; t++) {
      await s.sim.stepAsync()
      for (let i = 0; i < 8; i++) lowestHunger = Math.min(lowestHunger, a.hunger[i]!)
    }
    const status = s.sim.policy.status()
    expect(status.decisions.total.learned).toBeGreaterThan(100)
    expect(status.decisions.total.scripted).toBe(0)
    const stats = Array.from({ length: 8 }, (_, i) => ({ meals: a.mealsEaten[i]! + a.mealsCooked[i]!, showers: a.showers[i]!, sleeps: a.sleeps[i]!, shifts: a.shiftsDone[i]! }))
    for (const agent of stats) {
      expect(agent.meals).toBeGreaterThanOrEqual(2)
      expect(agent.sleeps).toBeGreaterThanOrEqual(1)
      expect(agent.shifts).toBe(2)
    }
    expect(lowestHunger).toBeGreaterThan(0)
    expect(s.ofType('agent_exit')).toEqual([])
    expect(summarizeWorld(s.sim.world).employment.attendance).toBeGreaterThan(0.6)
    await policy.value.release()
  }, 60_000)
})
