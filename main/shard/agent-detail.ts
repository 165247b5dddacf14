/**
 * One agent in depth for the inspector: personality and relationships (society system) and this
 * tick's reward with its components (reward system).
 */
import type { AgentDetail } from '../../shared/contract/dto/society'
import { err, ok, type Result } from '../../shared/result'
import { findAgent } from '../sim/state/agent-store'
import { rewardOf } from '../sim/rewards/reward-of'
import { agentTies, personalityView } from '../sim/society/society-views'
import type { World } from '../sim/state/world'

export function agentDetail(world: World, id: string): Result<AgentDetail> {
  const i = findAgent(world.state.agents, id)
  if (i < 0) return err('console.not_found', `no agent "${id}" in the town (it may have left): pick one from the map or the agents table`)
  const ties = agentTies(world, i).map(({ other, trust, familiarity, rivalry }) => ({ other, trust, familiarity, rivalry }))
  const reward = rewardOf(world, i)
  return ok({ id, personality: personalityView(world, i), ties, reward: reward && { total: reward.total, components: reward.components, episode_total: reward.episode_total } })
}
