/** Commands that change one agent: `kill`, `teleport`, `setneed`, `set_wallet`. */
import { z } from 'zod'
import { defineCommand, queue, refuse } from '../command'
import { resolveAgent, tileProblem } from '../resolve-ids'
import { agentArg, coordArg, moneyArg, NEED_NAMES, unitArg } from './arg-types'

export const killCommand = defineCommand({
  name: 'kill',
  role: 'admin',
  destructive: true,
  help: 'Remove an agent from the town for good (it leaves its queue, object and tile).',
  args: z.object({ agent: agentArg(), reason: z.string().max(256).optional().describe('why, for the event log (default "console")') }).strict(),
  run({ world }, args) {
    const agent = resolveAgent(world, args.agent)
    if (!agent.ok) return refuse(agent.code, agent.message)
    return queue(args.reason === undefined ? { op: 'kill', agent: agent.index } : { op: 'kill', agent: agent.index, reason: args.reason })
  }
})

export const teleportCommand = defineCommand({
  name: 'teleport',
  role: 'admin',
  destructive: false,
  help: 'Move an agent to an open floor tile; it drops what it was doing.',
  args: z.object({ agent: agentArg(), x: coordArg('column of the target tile'), y: coordArg('row of the target tile') }).strict(),
  run({ world }, args) {
    const agent = resolveAgent(world, args.agent)
    if (!agent.ok) return refuse(agent.code, agent.message)
    const problem = tileProblem(world, args.x, args.y)
    if (problem) return refuse('console.invalid_args', problem)
    // Whether the tile still has room is a question for the tick: others move before it applies.
    return queue({ op: 'teleport', agent: agent.index, x: args.x, y: args.y })
  }
})

export const setNeedCommand = defineCommand({
  name: 'setneed',
  role: 'admin',
  destructive: false,
  help: "Set one of an agent's needs (1 is fully satisfied, 0 is desperate).",
  args: z.object({ agent: agentArg(), need: z.enum(NEED_NAMES).describe('which need'), value: unitArg('the new level, 0 to 1') }).strict(),
  run({ world }, args) {
    const agent = resolveAgent(world, args.agent)
    if (!agent.ok) return refuse(agent.code, agent.message)
    return queue({ op: 'set_need', agent: agent.index, need: args.need, value: args.value })
  }
})

export const setWalletCommand = defineCommand({
  name: 'set_wallet',
  role: 'admin',
  destructive: false,
  help: "Set an agent's money.",
  args: z.object({ agent: agentArg(), value: moneyArg('the new wallet') }).strict(),
  run({ world }, args) {
    const agent = resolveAgent(world, args.agent)
    if (!agent.ok) return refuse(agent.code, agent.message)
    return queue({ op: 'set_wallet', agent: agent.index, value: args.value })
  }
})
