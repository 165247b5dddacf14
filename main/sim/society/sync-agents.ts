/**
 * The agent store grows (console `spawn`) and never shrinks, so the society's per-agent arrays
 * are extended to cover every slot before the system reads them. A new agent gets its
 * personality, an empty ledger and no chat cooldown.
 */
import type { World } from '../state/world'
import { resolvePersonality } from './personality'

export function syncAgents(world: World): void {
  const society = world.state.society
  const agents = world.state.agents
  const config = world.params.config.society.personalities
  for (let i = society.agents; i < agents.count; i++) {
    const p = resolvePersonality(config, world.params.seed, agents.ids[i]!)
    society.profile.push(p.profile)
    society.extroversion.push(p.extroversion)
    society.forgiveness.push(p.forgiveness)
    society.ambition.push(p.ambition)
    society.chatReadyAt.push(0)
    society.ties.push([])
  }
  society.agents = agents.count
  const objects = world.state.objects.count
  while (society.contention.length < objects) society.contention.push(0)
}
