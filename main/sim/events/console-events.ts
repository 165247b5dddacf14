/**
 * `console.result`: every console op applied at a tick boundary answers with one (main/sim/console-ops.ts),
 * ok with the op's own result, or an error with a stable code. The console router finalises
 * commands from it, matched by `cmd_id`.
 */
import { z } from 'zod'
import { JsonObjectSchema } from './event-fields'

/** The engine's op names (main/sim/inputs.ts `ConsoleOp`); emit's typing fails on an op missing here. */
export const CONSOLE_OP_NAMES = [
  'set_need', 'set_wallet', 'set_price', 'set_utility', 'spawn', 'kill', 'teleport', 'employment_exit',
  'perturbation_trigger', 'perturbation_cancel', 'arrange_meet', 'force_chat', 'possess', 'release', 'operator_act', 'anneal_set'
] as const

const common = { cmd_id: z.string().nullable(), op: z.enum(CONSOLE_OP_NAMES) }

export const CONSOLE_EVENTS = {
  'console.result': z.discriminatedUnion('status', [
    z.strictObject({ ...common, status: z.literal('ok'), result: JsonObjectSchema }),
    z.strictObject({ ...common, status: z.literal('error'), code: z.string(), message: z.string() })
  ])
} as const
