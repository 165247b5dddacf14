/** The runs of the commands that change one agent: `kill`, `teleport`, `setneed`, `set_wallet` (descriptors: shared/contract/console-commands/agent-commands.ts). */
import { queue, refuse, type CommandRun } from '../command'
import { resolveAgent, tileProblem } from '../resolve-ids'

export const killRun: CommandRun<'kill'> = ({ world }, args) => {
  const agent = resolveAgent(world, args.agent)
  if (!agent.ok) return refuse(agent.code, agent.message)
  return queue(args.reason === undefined ? { op: 'kill', agent: agent.index } : { op: 'kill', agent: agent.index, reason: args.reason })
}

export const teleportRun: CommandRun<'teleport'> = ({ world }, args) => {
  const agent = resolveAgent(world, args.agent)
  if (!agent.ok) return refuse(agent.code, agent.message)
  const problem = tileProblem(world, args.x, args.y)
  if (problem) return refuse('console.invalid_args', problem)
  // Whether the tile still has room is a question for the tick: others move before it applies.
  return queue({ op: 'teleport', agent: agent.index, x: args.x, y: args.y })
}

export const setNeedRun: CommandRun<'setneed'> = ({ world }, args) => {
  const agent = resolveAgent(world, args.agent)
  if (!agent.ok) return refuse(agent.code, agent.message)
  return queue({ op: 'set_need', agent: agent.index, need: args.need, value: args.value })
}

export const setWalletRun: CommandRun<'set_wallet'> = ({ world }, args) => {
  const agent = resolveAgent(world, args.agent)
  if (!agent.ok) return refuse(agent.code, agent.message)
  return queue({ op: 'set_wallet', agent: agent.index, value: args.value })
}
