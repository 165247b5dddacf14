/**
 * The town's recent conflict, kept for the console (`conflict_status`, `telemetry_snapshot`):
 * queue-fairness history (one entry per tick in which the queue counters moved or a
 * `queue_conflict` happened: the tick, the counters' delta, their totals, how many conflicts and
 * their summed intensity), rivalry events (`rivalry_changed` and `rivalry_avoidance`) and the
 * agents possessed now (from `policy.possession`). Each list is a ring of
 * `telemetry.conflict_history_limit` entries, so a run of any length holds a fixed amount, and
 * each event costs O(1). Deterministic; its state round-trips through toJSON/fromJSON with the
 * hub's (hub-json.ts), and a hub saved before this existed restores with empty lists.
 */
import type { QueueCounters, SimEvent, World } from '../sim/state/world'

/** The default ring size: about four simulated hours of busy queues at a tick a minute. */
export const DEFAULT_CONFLICT_HISTORY_LIMIT = 256

export interface QueueCountersView {
  cooldown_events: number
  ghost_step_events: number
  rotation_events: number
}

export interface QueueHistoryEntry {
  tick: number
  /** How much each queue counter rose this tick. */
  delta: QueueCountersView
  /** The counters after this tick. */
  totals: QueueCountersView
  /** `queue_conflict` events this tick and their summed intensity. */
  conflicts: number
  intensity: number
}

export type RivalryHistoryEntry =
  | { tick: number; type: 'rivalry_changed'; agent_id: string; other: string; value: number; delta: number; reason: string }
  | { tick: number; type: 'rivalry_avoidance'; agent_id: string; other: string; object_id: string }

export interface ConflictHistoryJson {
  queue: QueueHistoryEntry[]
  rivalries: RivalryHistoryEntry[]
  /** Possessed agent ids, in the order they were taken over. */
  possessed: string[]
  /** The counters after the last tick observed (null before the first): the next delta's base. */
  previous: QueueCountersView | null
}

/** Newest `capacity` items, oldest overwritten: O(1) per push. */
class Ring<T> {
  private readonly items: T[] = []
  private start = 0

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.items.length
  }

  push(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item)
    else {
      this.items[this.start] = item
      this.start = (this.start + 1) % this.capacity
    }
  }

  /** The newest `n` (all when n is larger), oldest first. */
  latest(n: number): T[] {
    const count = Math.max(0, Math.min(n, this.items.length))
    const out: T[] = []
    for (let k = this.items.length - count; k < this.items.length; k++) out.push(this.items[(this.start + k) % this.items.length]!)
    return out
  }
}

const countersOf = (c: QueueCounters): QueueCountersView => ({ cooldown_events: c.cooldown_events, ghost_step_events: c.ghost_step_events, rotation_events: c.rotation_events })
const round6 = (v: number) => Math.round(v * 1e6) / 1e6
const text = (v: unknown): string => (typeof v === 'string' ? v : '')
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0)

export class ConflictHistory {
  private readonly queue: Ring<QueueHistoryEntry>
  private readonly rivalry: Ring<RivalryHistoryEntry>
  /** Insertion-ordered: a Set adds and removes in O(1). */
  private readonly possessedIds = new Set<string>()
  private previous: QueueCountersView | null = null

  constructor(readonly limit: number = DEFAULT_CONFLICT_HISTORY_LIMIT) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`the conflict history needs a positive whole limit, not ${limit}`)
    this.queue = new Ring(limit)
    this.rivalry = new Ring(limit)
  }

  /** One tick, after it ran: its events and the world's counters as they stand now. */
  observe(tick: number, world: World, events: readonly SimEvent[]): void {
    let conflicts = 0
    let intensity = 0
    for (const e of events) {
      // Narrow on the type first: each branch reads only that event's own fields.
      if (e.type === 'queue_conflict') {
        conflicts++
        intensity += num(e.intensity)
      } else if (e.type === 'rivalry_changed') {
        this.rivalry.push({ tick, type: 'rivalry_changed', agent_id: text(e.agent_id), other: text(e.other), value: num(e.value), delta: num(e.delta), reason: text(e.reason) })
      } else if (e.type === 'rivalry_avoidance') {
        this.rivalry.push({ tick, type: 'rivalry_avoidance', agent_id: text(e.agent_id), other: text(e.other), object_id: text(e.object_id) })
      } else if (e.type === 'policy.possession') {
        this.possess(text(e.agent_id), e.possessed === true)
      }
    }
    const totals = countersOf(world.state.counters)
    const before = this.previous
    this.previous = totals
    // The first tick seen (a new hub on a running town) only sets the base: its delta is unknown.
    if (before === null) return
    const delta = {
      cooldown_events: Math.max(0, totals.cooldown_events - before.cooldown_events),
      ghost_step_events: Math.max(0, totals.ghost_step_events - before.ghost_step_events),
      rotation_events: Math.max(0, totals.rotation_events - before.rotation_events)
    }
    if (conflicts === 0 && delta.cooldown_events === 0 && delta.ghost_step_events === 0 && delta.rotation_events === 0) return
    this.queue.push({ tick, delta, totals, conflicts, intensity: round6(intensity) })
  }

  private possess(id: string, possessed: boolean): void {
    if (id === '') return
    if (!possessed) this.possessedIds.delete(id)
    // Bounded like the rings: past the limit the oldest possession is forgotten (the world's own
    // `possessed` column stays the truth; this list is what the console shows).
    else {
      this.possessedIds.delete(id)
      this.possessedIds.add(id)
      if (this.possessedIds.size > this.limit) this.possessedIds.delete(this.possessedIds.values().next().value!)
    }
  }

  /** The newest `n` queue-history entries, oldest first (fresh objects). */
  queueHistory(n = this.limit): QueueHistoryEntry[] {
    return this.queue.latest(n).map((q) => ({ ...q, delta: { ...q.delta }, totals: { ...q.totals } }))
  }

  /** The newest `n` rivalry events, oldest first (fresh objects). */
  rivalryEvents(n = this.limit): RivalryHistoryEntry[] {
    return this.rivalry.latest(n).map((r) => ({ ...r }))
  }

  /** Possessed agents, sorted. */
  possessed(): string[] {
    return [...this.possessedIds].sort()
  }

  /** How many entries each list holds now (each at most `limit`). */
  sizes(): { queue: number; rivalries: number; possessed: number } {
    return { queue: this.queue.size, rivalries: this.rivalry.size, possessed: this.possessedIds.size }
  }

  toJSON(): ConflictHistoryJson {
    return { queue: this.queueHistory(), rivalries: this.rivalryEvents(), possessed: [...this.possessedIds], previous: this.previous && { ...this.previous } }
  }

  /** Rebuilt under `limit` (the config's): a saved list longer than that keeps its newest entries. */
  static fromJSON(limit: number, json: ConflictHistoryJson | undefined): ConflictHistory {
    const history = new ConflictHistory(limit)
    if (!json) return history
    for (const q of json.queue) history.queue.push({ ...q, delta: { ...q.delta }, totals: { ...q.totals } })
    for (const r of json.rivalries) history.rivalry.push({ ...r })
    for (const id of json.possessed) history.possess(id, true)
    history.previous = json.previous && { ...json.previous }
    return history
  }
}
