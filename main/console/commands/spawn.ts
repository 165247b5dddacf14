/** `spawn`: a new agent joins the town at the next tick boundary. */
import { z } from 'zod'
import { NOT_PROTOTYPE_NAME } from '../../../shared/own-key'
import { findAgent } from '../../sim/state/agent-store'
import type { ConsoleOp } from '../../sim/inputs'
import { defineCommand, queue, refuse } from '../command'
import { resolveHome, resolveJob, tileProblem } from '../resolve-ids'
import { coordArg, idArg, moneyArg, unitArg } from './arg-types'

type SpawnOp = Extract<ConsoleOp, { op: 'spawn' }>

export const spawnCommand = defineCommand({
  name: 'spawn',
  role: 'admin',
  destructive: false,
  help: 'Add a new agent to the town (at home with default needs unless told otherwise).',
  args: z
    .object({
      id: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[a-z][a-z0-9_]*$/, 'ids use lowercase letters, digits and "_", starting with a letter')
        // As in the config: agent ids key engine tables (meeting cooldowns), so never `constructor`.
        .refine(...NOT_PROTOTYPE_NAME)
        .describe('id of the new agent, e.g. "zed"'),
      at: z.tuple([coordArg('x'), coordArg('y')]).optional().describe('[x, y] open floor tile to start on (default: a free tile at home)'),
      home: idArg('home id (default: the home with the fewest residents)').optional(),
      job: idArg('job id').nullable().optional().describe('job id, or null for no job (default: the next job in turn)'),
      needs: z
        .object({ hunger: unitArg('0 to 1').optional(), hygiene: unitArg('0 to 1').optional(), energy: unitArg('0 to 1').optional() })
        .strict()
        .optional()
        .describe('starting needs, each 0 to 1 (default 0.7)'),
      wallet: moneyArg("starting money (default: the config's starting wallet)").optional()
    })
    .strict(),
  run({ world }, args) {
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
})
