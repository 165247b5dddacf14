import { describe, expect, it } from 'vitest'
import { withOverrides } from '../config/config-overrides'
import { loadEmbeddedDefault } from '../config/load-config'
import { Simulation } from '../shard/simulation'

describe('a generated town', () => {
  it('houses, employs and feeds every one of 300 agents through a day', () => {
    const loaded = withOverrides(loadEmbeddedDefault(), { agents: 300 })
    if (!loaded.ok) throw new Error(loaded.error.message)
    const sim = new Simulation(loaded.value)
    for (let t = 0; t < 1440; t++) sim.step()
    const { agents } = sim.world.state
    const a = agents.cols
    for (let i = 0; i < agents.count; i++) {
      expect(a.homeTile[i], agents.ids[i]).toBeGreaterThanOrEqual(0)
      expect(a.workTile[i], agents.ids[i]).toBeGreaterThanOrEqual(0)
      expect(a.mealsEaten[i], agents.ids[i]).toBeGreaterThan(0)
      expect(a.shiftsDone[i], agents.ids[i]).toBe(1)
      expect(agents.failReason[i], agents.ids[i]).not.toBe('no_destination')
    }
  })
})
