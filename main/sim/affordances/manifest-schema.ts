/**
 * The affordance registry file (configs/affordances/*.yaml): object types with their starting
 * stock, and the affordances agents can carry out at them. Validated here once, where the data
 * enters; the engine then trusts it. Preconditions are strings in the small safe expression
 * language of ./precondition (parsed, never evaluated as code).
 */
import { z } from 'zod'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { NOT_PROTOTYPE_NAME } from '../../../shared/own-key'
import { HOOK_NAMES } from './hook-names'

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'ids use lowercase letters, digits and "_", starting with a letter')
  // Ids become keys of name → value tables (object types, stock): `constructor` would look known everywhere.
  .refine(...NOT_PROTOTYPE_NAME)
const hookList = z.array(z.enum(HOOK_NAMES)).default([])

export const ObjectTypeSchema = z
  .object({
    /** Starting stock, e.g. `{ meals: 6 }`; preconditions read it as `stock.meals`. */
    stock: z.record(id, z.number().int().min(0).max(1_000_000)).default({})
  })
  .strict()

export const AffordanceSpecSchema = z
  .object({
    id,
    object_type: id,
    /** The agent option this affordance serves (the controller looks affordances up by it). */
    option: z.enum(AGENT_OPTIONS.filter((o) => o !== 'idle' && o !== 'work') as ['eat', 'cook', 'shower', 'sleep']),
    /** Ticks from start to completion. */
    duration: z.number().int().min(1).max(100_000),
    /** Every one must hold when the affordance starts; the first that fails is reported. */
    preconditions: z.array(z.string().min(1).max(500)).default([]),
    /** An economy key charged from the wallet at the start (refunded if the affordance fails). */
    cost: z.enum(['meal_cost', 'ingredients_cost']).optional(),
    /** Stock taken from the object at the start (given back if the affordance fails). */
    consumes: z.record(id, z.number().int().min(1).max(1000)).default({}),
    /** Applied at completion: need deltas (clamped to [0, 1]) and `money`. */
    effects: z
      .object({
        hunger: z.number().min(-1).max(1).optional(),
        hygiene: z.number().min(-1).max(1).optional(),
        energy: z.number().min(-1).max(1).optional(),
        money: z.number().min(-1_000_000).max(1_000_000).optional()
      })
      .strict()
      .default({}),
    hooks: z
      .object({ before: hookList, after: hookList, fail: hookList })
      .strict()
      .default({ before: [], after: [], fail: [] })
  })
  .strict()

export const AffordanceManifestSchema = z
  .object({
    object_types: z.record(id, ObjectTypeSchema),
    affordances: z.array(AffordanceSpecSchema)
  })
  .strict()

export type ObjectTypeSpec = z.infer<typeof ObjectTypeSchema>
export type AffordanceSpec = z.infer<typeof AffordanceSpecSchema>
export type AffordanceManifest = z.infer<typeof AffordanceManifestSchema>
