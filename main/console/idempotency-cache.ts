/**
 * cmd_id → the first result of that command, so a retried command (a client that lost the
 * reply, a double click) is answered from here instead of applying twice. Bounded: the least
 * recently used entry goes once `capacity` is reached. Serialisable, so a snapshot can carry it
 * and a restored shard still refuses to apply a command twice.
 */
import { z } from 'zod'
import { ConsoleResultSchema, type ConsoleResult } from '../../shared/contract/dto/console'

export const DEFAULT_CACHE_SIZE = 512

export interface CachedCommand {
  /** `name` + canonical JSON of the args: the same id with another key is a conflict. */
  key: string
  result: ConsoleResult
}

export const IdempotencyCacheJsonSchema = z.object({
  capacity: z.number().int().positive(),
  /** Least recently used first. */
  entries: z.array(z.tuple([z.string(), z.object({ key: z.string(), result: ConsoleResultSchema })]))
})
export type IdempotencyCacheJson = z.infer<typeof IdempotencyCacheJsonSchema>

export class IdempotencyCache {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly entries = new Map<string, CachedCommand>()

  constructor(readonly capacity = DEFAULT_CACHE_SIZE) {}

  get size(): number {
    return this.entries.size
  }

  get(cmdId: string): CachedCommand | undefined {
    const entry = this.entries.get(cmdId)
    if (entry) {
      this.entries.delete(cmdId)
      this.entries.set(cmdId, entry)
    }
    return entry
  }

  set(cmdId: string, entry: CachedCommand): void {
    this.entries.delete(cmdId)
    this.entries.set(cmdId, entry)
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string
      this.entries.delete(oldest)
    }
  }

  /** Replace the result of an entry still cached (queued → final), without touching its recency. */
  settle(cmdId: string, result: ConsoleResult): void {
    const entry = this.entries.get(cmdId)
    if (entry) entry.result = result
  }

  toJSON(): IdempotencyCacheJson {
    return { capacity: this.capacity, entries: [...this.entries].map(([id, e]) => [id, { key: e.key, result: e.result }]) }
  }

  /** Rebuild from `toJSON()` output; refuses anything else with the zod issues. */
  static fromJSON(json: unknown): IdempotencyCache {
    const data = IdempotencyCacheJsonSchema.parse(json)
    const cache = new IdempotencyCache(data.capacity)
    for (const [id, entry] of data.entries) cache.set(id, entry)
    return cache
  }
}
