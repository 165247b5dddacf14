/**
 * The engine's console operations (`ConsoleOp`, main/sim/inputs.ts) as a zod schema, for the
 * places they come back in from outside: a snapshot's pending inputs. The console builds its ops
 * from checked arguments, so it does not need this; a file does. Bounds are the console's own
 * (strings of at most 256 characters, finite numbers, whole slots), and the type check at the
 * bottom keeps the schema and the type from drifting apart.
 */
import { z } from 'zod'
import { CmdIdSchema } from '../../shared/contract/dto/console'
import { AgentOptionSchema } from '../../shared/contract/dto/world-summary'
import type { ConsoleOp } from '../sim/inputs'

/** Agent slots: the engine checks the slot is still there; this only bounds the number. */
const slot = z.number().int().min(0).max(1_000_000)
const finite = z.number().refine(Number.isFinite, 'must be a finite number')
const text = z.string().max(256)
const ticks = z.number().int().min(0).max(100_000_000)
const need = z.enum(['hunger', 'hygiene', 'energy'])
const cmd = { cmd_id: CmdIdSchema.optional() }

export const ConsoleOpSchema = z.discriminatedUnion('op', [
  z.object({ ...cmd, op: z.literal('set_need'), agent: slot, need, value: finite }).strict(),
  z.object({ ...cmd, op: z.literal('set_wallet'), agent: slot, value: finite }).strict(),
  z.object({ ...cmd, op: z.literal('set_price'), key: z.enum(['meal_cost', 'ingredients_cost', 'wage_income']), value: finite, mode: z.enum(['set', 'add', 'multiply']).optional() }).strict(),
  z.object({ ...cmd, op: z.literal('set_utility'), utility: z.enum(['power', 'water']), on: z.boolean() }).strict(),
  z
    .object({
      ...cmd,
      op: z.literal('spawn'),
      id: text.min(1),
      at: z.tuple([z.number().int().min(0).max(100_000), z.number().int().min(0).max(100_000)]).optional(),
      home: text.optional(),
      job: text.nullable().optional(),
      needs: z.object({ hunger: finite.optional(), hygiene: finite.optional(), energy: finite.optional() }).strict().optional(),
      wallet: finite.optional()
    })
    .strict(),
  z.object({ ...cmd, op: z.literal('kill'), agent: slot, reason: text.optional() }).strict(),
  z.object({ ...cmd, op: z.literal('teleport'), agent: slot, x: z.number().int().min(0).max(100_000), y: z.number().int().min(0).max(100_000) }).strict(),
  z.object({ ...cmd, op: z.literal('employment_exit'), agent: slot, action: z.enum(['approve', 'defer']) }).strict(),
  z
    .object({
      ...cmd,
      op: z.literal('perturbation_trigger'),
      spec: text.min(1),
      starts_in: ticks.optional(),
      duration: ticks.optional(),
      magnitude: finite.optional(),
      targets: z.array(text).max(64).optional(),
      agents: z.array(slot).max(64).optional()
    })
    .strict(),
  z.object({ ...cmd, op: z.literal('perturbation_cancel'), event_id: text.min(1) }).strict(),
  z.object({ ...cmd, op: z.literal('arrange_meet'), agents: z.array(slot).max(64), location: text.min(1), duration: ticks.optional() }).strict(),
  z.object({ ...cmd, op: z.literal('force_chat'), speaker: slot, listener: slot, quality: finite.optional() }).strict(),
  z.object({ ...cmd, op: z.literal('possess'), agent: slot }).strict(),
  z.object({ ...cmd, op: z.literal('release'), agent: slot }).strict(),
  z
    .object({
      ...cmd,
      op: z.literal('operator_act'),
      agent: slot,
      option: AgentOptionSchema,
      object: z.number().int().min(-1).max(1_000_000),
      partner: slot.optional(),
      tile: z.number().int().min(0).max(10_000_000_000).optional()
    })
    .strict(),
  z.object({ ...cmd, op: z.literal('anneal_set'), ratio: z.number().min(0).max(1) }).strict()
])

// Both ways, so a new op or field on either side fails the typecheck until the other follows.
type Parsed = z.infer<typeof ConsoleOpSchema>
const parsedIsOp = (p: Parsed): ConsoleOp => p
const opIsParsed = (o: ConsoleOp): Parsed => o
void parsedIsOp
void opIsParsed
