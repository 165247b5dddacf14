/** `spawn`: a new agent joins the town at the next tick boundary. */
import { findAgent } from '../../sim/state/agent-store'
import type { ConsoleOp } from '../../sim/inputs'
import { queue, refuse, type CommandRun } from '../command'
import { resolveHome, resolveJob, tileProblem } from '../resolve-ids'

type SpawnOp = Extract<ConsoleOp, { op: 'spawn' }>

export const spawnRun: CommandRun<'spawn'> = ({ world }, args) => {
  if (findAgent(world.state.agents, args.id) >= 0) return refuse('console.conflict', `an agent "${args.id}" already lives here: pick another id`)
  if (args.home !== undefined) {
    const home = resolveHome(world, args.home)
    if (!home.ok) return refuse(home.code, home.message)
  }
  if (typeof args.job === 'string') {
    const job = resolveJob(world, args.job)
    if (!job.ok) return refuse(job.code, job.message)
  }
  if (args.at) {
    const problem = tileProblem(world, args.at[0], args.at[1])
    if (problem) return refuse('console.invalid_args', `at: ${problem}`)
  }
  const op: SpawnOp = { op: 'spawn', id: args.id }
  if (args.at) op.at = [args.at[0], args.at[1]]
  if (args.home !== undefined) op.home = args.home
  if (args.job !== undefined) op.job = args.job
  if (args.needs) op.needs = { ...args.needs }
  if (args.wallet !== undefined) op.wallet = args.wallet
  return queue(op)
}
