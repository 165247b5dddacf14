/**
 * The operator console over the contract: run a command, learn the session's role, trade a token
 * for the admin role, list the commands. The host decides the role, never the client.
 */
import { z } from 'zod'

export const RoleSchema = z.enum(['viewer', 'admin'])
export type Role = z.infer<typeof RoleSchema>

/** A cmd_id names one command for idempotency: replaying it returns the first result. */
export const CmdIdSchema = z.string().min(1).max(128).regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits and _ . : -')

export const ConsoleRunSchema = z
  .object({
    name: z.string().min(1).max(64),
    /** Named arguments; each command's schema says which (see console.commands). */
    args: z.record(z.string(), z.unknown()).default({}),
    cmd_id: CmdIdSchema.optional()
  })
  .strict()
export type ConsoleRun = z.infer<typeof ConsoleRunSchema>

export const ConsoleErrorSchema = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() })

/**
 * What a command answered. `queued`: accepted, it applies at the next tick boundary and its final
 * result follows as a `console.result` event with the same cmd_id. Read-only commands answer
 * `ok` at once; refused ones `error`.
 */
export const ConsoleResultSchema = z.object({
  cmd_id: z.string(),
  name: z.string(),
  status: z.enum(['ok', 'error', 'queued']),
  /** The tick the command applied at; when `queued`, the tick it will apply at (the next one). */
  tick: z.number().int().nonnegative(),
  issuer: z.string(),
  role: RoleSchema,
  /** True when this is a replay of an earlier cmd_id, answered from the cache. */
  replayed: z.boolean().default(false),
  result: z.unknown().optional(),
  error: ConsoleErrorSchema.optional()
})
export type ConsoleResult = z.infer<typeof ConsoleResultSchema>

export const ConsoleSessionSchema = z.object({
  role: RoleSchema,
  /** Whether an admin token is configured at all (TOWNLET_ADMIN_TOKEN or a token file). */
  admin_available: z.boolean(),
  issuer: z.string()
})
export type ConsoleSession = z.infer<typeof ConsoleSessionSchema>

/**
 * What an argument's value is, for a form: a select for `enum` (its `choices`), a toggle for
 * `boolean`, a number field for `number` and `integer` (within `min`/`max`), JSON for `json`.
 * Optional: an older host sends only the words in `type`.
 */
export const ArgKindSchema = z.enum(['text', 'number', 'integer', 'boolean', 'enum', 'json'])
export type ArgKind = z.infer<typeof ArgKindSchema>

export const ArgInfoSchema = z.object({
  name: z.string(),
  /** In words: `a number from 0 to 1`, `one of "power", "water"`, `true or false`. */
  type: z.string(),
  required: z.boolean(),
  help: z.string(),
  kind: ArgKindSchema.optional(),
  choices: z.array(z.string()).max(256).optional(),
  min: z.number().optional(),
  max: z.number().optional()
})
export type ArgInfo = z.infer<typeof ArgInfoSchema>

export const CommandInfoSchema = z.object({
  name: z.string(),
  role: RoleSchema,
  destructive: z.boolean(),
  help: z.string(),
  /** One line per argument: `agent: string (required) — the agent's id`. */
  args: z.array(ArgInfoSchema)
})
export type CommandInfo = z.infer<typeof CommandInfoSchema>
