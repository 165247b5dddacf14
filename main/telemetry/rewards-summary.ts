/**
 * The town's rewards this tick, for the society panel and the variance analyzer: every agent
 * paid this tick (the living, and those who left this tick with their final reward), the mean
 * total and the mean of each component.
 */
import { REWARD_COMPONENTS } from '../sim/rewards/reward-components'
import type { World } from '../sim/state/world'

export interface RewardsSummary {
  mean_total: number
  components: Record<string, number>
  /** Agents paid this tick. */
  agents: number
}

export interface RewardSamples {
  totals: number[]
  summary: RewardsSummary
}

export function rewardSamples(world: World, tick: number): RewardSamples {
  const r = world.state.rewards
  const { alive } = world.state.agents.cols
  const totals: number[] = []
  const sums = new Array<number>(REWARD_COMPONENTS.length).fill(0)
  // Before the reward system has run for this tick there is nothing to report.
  if (r.tick === tick) {
    const paid: number[] = []
    for (let i = 0; i < r.total.length; i++) {
      if (alive[i] !== 1 && r.exitedAt[i] !== tick) continue
      paid.push(i)
      totals.push(r.total[i]!)
    }
    // Column by column: one tight loop per component rather than a lookup per agent and component.
    REWARD_COMPONENTS.forEach((c, k) => {
      const column = r.components[c]
      let s = 0
      for (const i of paid) s += column[i]!
      sums[k] = s
    })
  }
  const n = totals.length
  const mean = (x: number) => (n === 0 ? 0 : x / n)
  return {
    totals,
    summary: {
      mean_total: mean(totals.reduce((s, x) => s + x, 0)),
      components: Object.fromEntries(REWARD_COMPONENTS.map((c, k) => [c, mean(sums[k]!)])),
      agents: n
    }
  }
}
