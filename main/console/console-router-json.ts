/**
 * The console router's state as a snapshot carries it: the admin namespace of the cmd_id cache,
 * the engine commands queued for the next tick (each answered `queued`, waiting for its
 * `console.result`), and the counter behind generated `auto-N` ids.
 *
 * Only the admin namespace: viewer namespaces are keyed by host session ids, which do not outlive
 * the host, and a viewer's commands are read-only, so answering a viewer's retry afresh changes
 * nothing (idempotency-cache-json.ts says the same of the first, unversioned shape). Commands that
 * wait on the host rather than on a tick (a model swap in flight) are not carried: they finish on
 * the router that started them.
 */
import { z } from 'zod'
import { CmdIdSchema, ConsoleResultSchema, type ConsoleResult } from '../../shared/contract/dto/console'
import type { IdempotencyCacheJson } from './idempotency-cache-json'

export const CONSOLE_ROUTER_SCHEMA_VERSION = 1
/** As many as the simulation may hold for one tick (main/shard/pending-ops-json.ts). */
export const MAX_PENDING_COMMANDS = 100_000

export interface PendingCommandJson {
  cmd_id: string
  /** `name` + canonical JSON of the args (the idempotency key). */
  key: string
  /** The `queued` answer the command was given. */
  result: ConsoleResult
  /** Whether the client named the cmd_id (then the cache holds it too, and is settled with the final result). */
  cached: boolean
}

export interface ConsoleRouterJson {
  schema_version: typeof CONSOLE_ROUTER_SCHEMA_VERSION
  auto_ids: number
  idempotency: IdempotencyCacheJson
  pending: PendingCommandJson[]
}

export const ConsoleRouterJsonSchema = z
  .object({
    schema_version: z.literal(CONSOLE_ROUTER_SCHEMA_VERSION),
    auto_ids: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    /** Checked by IdempotencyCache.fromJSON, which names its own paths. */
    idempotency: z.unknown(),
    pending: z
      .array(
        z
          .object({
            cmd_id: CmdIdSchema,
            key: z.string().min(1).max(32 * 1024),
            result: ConsoleResultSchema.refine((r) => r.status === 'queued', 'a pending command was answered `queued`').refine((r) => r.role === 'admin', 'only admins queue engine operations'),
            cached: z.boolean()
          })
          .strict()
          .refine((p) => p.result.cmd_id === p.cmd_id, { message: 'the result is of another cmd_id', path: ['result', 'cmd_id'] })
      )
      .max(MAX_PENDING_COMMANDS)
      .superRefine((list, ctx) => {
        const seen = new Set<string>()
        list.forEach((p, k) => {
          if (seen.has(p.cmd_id)) ctx.addIssue({ code: 'custom', path: [k, 'cmd_id'], message: `cmd_id "${p.cmd_id}" is pending twice` })
          seen.add(p.cmd_id)
        })
      })
  })
  .strict()
