/**
 * The idempotency cache as a snapshot carries it. Version 2 holds one list per namespace (the
 * admin one, then each viewer session's, least recently used first) and the bounds. The first
 * shape (no `schema_version`: one global list) is still read: it came from a time when only the
 * admin could have mattered to a restored shard, so its entries go to the admin namespace.
 */
import { z } from 'zod'
import { ConsoleResultSchema, type ConsoleResult } from '../../shared/contract/dto/console'

export interface CachedCommand {
  /** `name` + canonical JSON of the args: the same id with another key is a conflict. */
  key: string
  result: ConsoleResult
}

const positive = z.number().int().positive()

/** Least recently used first. */
const EntriesSchema = z.array(z.tuple([z.string(), z.object({ key: z.string(), result: ConsoleResultSchema })]))
export type IdempotencyEntriesJson = z.infer<typeof EntriesSchema>

export const IdempotencyCacheJsonSchema = z
  .object({
    schema_version: z.literal(2),
    /** Entries per namespace. */
    capacity: positive,
    max_viewer_namespaces: positive,
    /** Entries of all viewer namespaces together. */
    viewer_entry_budget: positive,
    admin: EntriesSchema,
    /** `[issuer, entries]`, the least recently used viewer session first. */
    viewers: z.array(z.tuple([z.string().max(256), EntriesSchema]))
  })
  .strict()
export type IdempotencyCacheJson = z.infer<typeof IdempotencyCacheJsonSchema>

/** The first shape: one LRU for every session. */
const IdempotencyCacheJsonV1Schema = z.object({ capacity: positive, entries: EntriesSchema })

/** What either shape says; bounds the first shape did not have are left to the defaults. */
export interface ParsedIdempotencyCache {
  capacity: number
  maxViewerNamespaces?: number
  viewerEntryBudget?: number
  admin: IdempotencyEntriesJson
  viewers: [string, IdempotencyEntriesJson][]
}

/** Either shape; throws a ZodError naming the path when it is neither. */
export function parseIdempotencyCacheJson(json: unknown): ParsedIdempotencyCache {
  if (typeof json === 'object' && json !== null && 'schema_version' in json) {
    const v2 = IdempotencyCacheJsonSchema.parse(json)
    return { capacity: v2.capacity, maxViewerNamespaces: v2.max_viewer_namespaces, viewerEntryBudget: v2.viewer_entry_budget, admin: v2.admin, viewers: v2.viewers }
  }
  const v1 = IdempotencyCacheJsonV1Schema.parse(json)
  return { capacity: v1.capacity, admin: v1.entries, viewers: [] }
}
