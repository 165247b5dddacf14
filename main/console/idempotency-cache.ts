/**
 * cmd_id → the first result of that command, so a retried command (a client that lost the
 * reply, a double click) is answered from here instead of applying twice.
 *
 * Ids live per namespace, because one LRU for every session let a viewer's stream of `help`
 * calls evict an admin's id (the admin's retry then applied twice) and let a viewer claim an id
 * an admin would use next (the admin's command then came back as a conflict, or as the viewer's
 * result):
 *
 * - `admin`: every envelope whose role is admin. Whoever holds the host's admin token is the same
 *   principal, so an admin who reconnects (a new session id) can still retry its cmd_id and get
 *   the cached result, which is what idempotency is for.
 * - `viewer:<issuer>`: each viewer session its own (the issuer is the host's session id, never
 *   chosen by the client).
 *
 * Bounds, so that what a client can make the host keep stays bounded however sessions come and
 * go: `capacity` entries per namespace (one namespace filling up evicts only its own least
 * recently used); at most `maxViewerNamespaces` viewer namespaces and `viewerEntryBudget` viewer
 * entries in all, the least recently used viewer namespace giving way first. Viewers only ever
 * displace viewers: the admin namespace is bounded by its own capacity alone.
 *
 * Serialisable (`schema_version: 2`, see idempotency-cache-json.ts), so a snapshot can carry it
 * and a restored shard still refuses to apply a command twice.
 */
import type { ConsoleResult } from '../../shared/contract/dto/console'
import type { ConsoleEnvelope } from './envelope'
import { parseIdempotencyCacheJson, type CachedCommand, type IdempotencyCacheJson, type IdempotencyEntriesJson } from './idempotency-cache-json'
import { LruMap } from './lru-map'

export type { CachedCommand, IdempotencyCacheJson } from './idempotency-cache-json'
export { IdempotencyCacheJsonSchema } from './idempotency-cache-json'

/** Entries per namespace. */
export const DEFAULT_CACHE_SIZE = 512
/** Viewer sessions remembered at once. */
export const DEFAULT_VIEWER_NAMESPACES = 256
/** Entries of all viewer sessions together: a crowd of viewers holds at most eight namespaces' worth. */
export const DEFAULT_VIEWER_ENTRY_BUDGET = 8 * DEFAULT_CACHE_SIZE

/** Who sent a command, as the host stamped it: what picks the namespace. */
export type CmdIssuer = Pick<ConsoleEnvelope, 'role' | 'issuer'>

export const ADMIN_NAMESPACE = 'admin'

/** The namespace a command's id lives in: `admin`, or `viewer:<issuer>`. */
export function namespaceOf(who: CmdIssuer): string {
  return who.role === 'admin' ? ADMIN_NAMESPACE : `viewer:${who.issuer}`
}

export interface IdempotencyBounds {
  capacity?: number
  maxViewerNamespaces?: number
  viewerEntryBudget?: number
}

type Namespace = LruMap<string, CachedCommand>

export class IdempotencyCache {
  readonly capacity: number
  readonly maxViewerNamespaces: number
  readonly viewerEntryBudget: number
  private readonly admin: Namespace = new LruMap()
  /** issuer → that viewer session's ids; the least recently used session first. */
  private readonly viewers = new LruMap<string, Namespace>()
  private viewerEntries = 0

  constructor(bounds: IdempotencyBounds = {}) {
    this.capacity = positive('capacity', bounds.capacity ?? DEFAULT_CACHE_SIZE)
    this.maxViewerNamespaces = positive('maxViewerNamespaces', bounds.maxViewerNamespaces ?? DEFAULT_VIEWER_NAMESPACES)
    this.viewerEntryBudget = positive('viewerEntryBudget', bounds.viewerEntryBudget ?? DEFAULT_VIEWER_ENTRY_BUDGET)
  }

  /** Entries in every namespace. */
  get size(): number {
    return this.admin.size + this.viewerEntries
  }

  get viewerNamespaceCount(): number {
    return this.viewers.size
  }

  /** Entries in the namespace of `who`. */
  sizeOf(who: CmdIssuer): number {
    return (who.role === 'admin' ? this.admin : this.viewers.peek(who.issuer))?.size ?? 0
  }

  /** Namespaces holding entries: `admin` first, then viewers, the least recently used first. */
  namespaces(): string[] {
    const viewers = [...this.viewers.entries()].map(([issuer]) => namespaceOf({ role: 'viewer', issuer }))
    return this.admin.size > 0 ? [ADMIN_NAMESPACE, ...viewers] : viewers
  }

  /** The entry `who` cached under `cmdId`, marking it (and a viewer's namespace) as used. */
  get(who: CmdIssuer, cmdId: string): CachedCommand | undefined {
    const space = who.role === 'admin' ? this.admin : this.viewers.get(who.issuer)
    return space?.get(cmdId)
  }

  set(who: CmdIssuer, cmdId: string, entry: CachedCommand): void {
    if (who.role === 'admin') {
      this.admin.set(cmdId, entry)
      trim(this.admin, this.capacity)
      return
    }
    const space = this.viewerSpace(who.issuer)
    const before = space.size
    space.set(cmdId, entry)
    this.viewerEntries += trim(space, this.capacity) - before
    // Over the budget: take from the viewer used least recently (not this one, unless it is alone).
    while (this.viewerEntries > this.viewerEntryBudget) {
      const [issuer, oldest] = this.viewers.oldest()!
      trim(oldest, oldest.size - 1)
      this.viewerEntries--
      if (oldest.size === 0) this.viewers.delete(issuer)
    }
  }

  /** Replace the result of an entry still cached (queued → final), without touching its recency. */
  settle(who: CmdIssuer, cmdId: string, result: ConsoleResult): void {
    const entry = (who.role === 'admin' ? this.admin : this.viewers.peek(who.issuer))?.peek(cmdId)
    if (entry) entry.result = result
  }

  toJSON(): IdempotencyCacheJson {
    return {
      schema_version: 2,
      capacity: this.capacity,
      max_viewer_namespaces: this.maxViewerNamespaces,
      viewer_entry_budget: this.viewerEntryBudget,
      admin: entriesJson(this.admin),
      viewers: [...this.viewers.entries()].map(([issuer, space]) => [issuer, entriesJson(space)])
    }
  }

  /** Rebuild from `toJSON()` output (or the first, unversioned shape); refuses anything else with the zod issues. */
  static fromJSON(json: unknown): IdempotencyCache {
    const data = parseIdempotencyCacheJson(json)
    const cache = new IdempotencyCache({ capacity: data.capacity, ...(data.maxViewerNamespaces === undefined ? {} : { maxViewerNamespaces: data.maxViewerNamespaces }), ...(data.viewerEntryBudget === undefined ? {} : { viewerEntryBudget: data.viewerEntryBudget }) })
    const admin = { role: 'admin', issuer: ADMIN_NAMESPACE } as const
    for (const [id, entry] of data.admin) cache.set(admin, id, entry)
    // In order, so the namespaces come back in the same order of use.
    for (const [issuer, entries] of data.viewers) for (const [id, entry] of entries) cache.set({ role: 'viewer', issuer }, id, entry)
    return cache
  }

  /** The namespace of a viewer session, created (as the most recent) when new; the oldest ones give way. */
  private viewerSpace(issuer: string): Namespace {
    const known = this.viewers.get(issuer)
    if (known) return known
    const space: Namespace = new LruMap()
    this.viewers.set(issuer, space)
    while (this.viewers.size > this.maxViewerNamespaces) {
      const [dropped, oldest] = this.viewers.oldest()!
      this.viewers.delete(dropped)
      this.viewerEntries -= oldest.size
    }
    return space
  }
}

/** Drop the least recently used entries beyond `size`; returns the size left. */
function trim(space: Namespace, size: number): number {
  while (space.size > size) space.delete(space.oldest()![0])
  return space.size
}

function entriesJson(space: Namespace): IdempotencyEntriesJson {
  return [...space.entries()].map(([id, e]) => [id, { key: e.key, result: e.result }])
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`IdempotencyCache ${name} must be a whole number of at least 1, got ${value}`)
  return value
}
