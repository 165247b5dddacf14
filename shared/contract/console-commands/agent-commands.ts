/** Commands that change one agent: `spawn`, `kill`, `teleport`, `setneed`, `set_wallet`. */
import { z } from 'zod'
import { NOT_PROTOTYPE_NAME } from '../../own-key'
import { agentArg, coordArg, idArg, moneyArg, NEED_NAMES, unitArg } from './arg-types'
import { defineDescriptor } from './descriptor'

export const spawnDescriptor = defineDescriptor({
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
    .strict()
})

export const killDescriptor = defineDescriptor({
  name: 'kill',
  role: 'admin',
  destructive: true,
  help: 'Remove an agent from the town for good (it leaves its queue, object and tile).',
  args: z.object({ agent: agentArg(), reason: z.string().max(256).optional().describe('why, for the event log (default "console")') }).strict()
})

export const teleportDescriptor = defineDescriptor({
  name: 'teleport',
  role: 'admin',
  destructive: false,
  help: 'Move an agent to an open floor tile; it drops what it was doing.',
  args: z.object({ agent: agentArg(), x: coordArg('column of the target tile'), y: coordArg('row of the target tile') }).strict()
})

export const setNeedDescriptor = defineDescriptor({
  name: 'setneed',
  role: 'admin',
  destructive: false,
  help: "Set one of an agent's needs (1 is fully satisfied, 0 is desperate).",
  args: z.object({ agent: agentArg(), need: z.enum(NEED_NAMES).describe('which need'), value: unitArg('the new level, 0 to 1') }).strict()
})

export const setWalletDescriptor = defineDescriptor({
  name: 'set_wallet',
  role: 'admin',
  destructive: false,
  help: "Set an agent's money.",
  args: z.object({ agent: agentArg(), value: moneyArg('the new wallet') }).strict()
})
