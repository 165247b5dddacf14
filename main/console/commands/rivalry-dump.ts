/**
 * `rivalry_dump`: one agent's rivals (strongest first, with trust, familiarity and the rivalry
 * back) and its personality, or, without `agent`, every rival pair once (a before b), strongest first.
 */
import { agentTies, personalityView, rivalryPairs } from '../../sim/society/society-views'
import { now, refuse, type CommandRun } from '../command'
import { resolveAgent } from '../resolve-ids'

export const rivalryDumpRun: CommandRun<'rivalry_dump'> = ({ world }, args) => {
  const limit = args.limit ?? 20
  const { min_value: min, avoid_threshold: avoid } = world.params.config.society.rivalry
  if (args.agent === undefined) {
    const pairs = rivalryPairs(world, Number.MAX_SAFE_INTEGER)
    return now({ tick: world.state.tick, avoid_threshold: avoid, total: pairs.length, pairs: pairs.slice(0, limit).map((p) => ({ ...p })) })
  }
  const agent = resolveAgent(world, args.agent)
  if (!agent.ok) return refuse(agent.code, agent.message)
  const rivals = agentTies(world, agent.index).filter((t) => t.rivalry > min)
  return now({
    tick: world.state.tick,
    agent_id: args.agent,
    personality: { ...personalityView(world, agent.index) },
    avoid_threshold: avoid,
    total: rivals.length,
    rivals: rivals.slice(0, limit).map((t) => ({ ...t, avoided: t.rivalry >= avoid }))
  })
}
