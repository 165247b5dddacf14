/**
 * The town's rewards this tick, for the society panel and the variance analyzer: every agent
 * paid this tick (the living, and those who left this tick with their final reward), the mean
 * total and the mean of each component.
 *
 * Taken every tick but looked at once a frame: the tally reuses its buffers (no arrays built per
 * tick) and builds the summary object only when asked. Sums run in slot order, as they always did.
 */
import { REWARD_COMPONENTS } from '../sim/rewards/reward-components'
import type { World } from '../sim/state/world'

export interface RewardsSummary {
  mean_total: number
  components: Record<string, number>
  /** Agents paid this tick. */
  agents: number
}

export class RewardTally {
  /** Per-agent totals paid this tick, in slot order (the first `count`). */
  private totals = new Float64Array(16)
  private paid = new Int32Array(16)
  private count = 0
  private total = 0
  private readonly sums = new Float64Array(REWARD_COMPONENTS.length)

  /** Tally the rewards paid at `tick` (nothing when the reward system has not run for it). */
  take(world: World, tick: number): void {
    const r = world.state.rewards
    const { alive } = world.state.agents.cols
    this.count = 0
    this.total = 0
    this.sums.fill(0)
    if (r.tick !== tick) return
    if (this.totals.length < r.total.length) {
      this.totals = new Float64Array(r.total.length * 2)
      this.paid = new Int32Array(r.total.length * 2)
    }
    const { totals, paid } = this
    let n = 0
    let total = 0
    for (let i = 0; i < r.total.length; i++) {
      if (alive[i] !== 1 && r.exitedAt[i] !== tick) continue
      paid[n] = i
      const t = r.total[i]!
      totals[n++] = t
      total += t
    }
    this.count = n
    this.total = total
    // Column by column: one tight loop per component rather than a lookup per agent and component.
    for (let k = 0; k < REWARD_COMPONENTS.length; k++) {
      const column = r.components[REWARD_COMPONENTS[k]!]
      let s = 0
      for (let j = 0; j < n; j++) s += column[paid[j]!]!
      this.sums[k] = s
    }
  }

  /** This tick's per-agent totals (a view over the tally's buffer: read it before the next take). */
  samples(): Float64Array {
    return this.totals.subarray(0, this.count)
  }

  summary(): RewardsSummary {
    const n = this.count
    const mean = (x: number) => (n === 0 ? 0 : x / n)
    const components: Record<string, number> = {}
    for (let k = 0; k < REWARD_COMPONENTS.length; k++) components[REWARD_COMPONENTS[k]!] = mean(this.sums[k]!)
    return { mean_total: mean(this.total), components, agents: n }
  }
}
