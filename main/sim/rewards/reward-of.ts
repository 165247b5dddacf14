/**
 * One agent's last reward, for panels and the inspector: the total, every component, and its
 * life's running total. Null for a slot the reward system has not reached yet.
 */
import type { World } from '../state/world'
import { REWARD_COMPONENTS, type RewardBreakdown, type RewardComponents } from './reward-components'

export function rewardOf(world: World, agent: number): RewardBreakdown | null {
  const r = world.state.rewards
  if (agent < 0 || agent >= r.total.length || r.tick === 0) return null
  const components = {} as RewardComponents
  for (const k of REWARD_COMPONENTS) components[k] = r.components[k][agent]!
  // An agent that has left keeps showing its final tick's reward, dated to that tick.
  const left = r.exitedAt[agent]!
  return { total: r.total[agent]!, components, episode_total: r.episode[agent]!, tick: left >= 0 ? left : r.tick }
}
