/**
 * Folding observer diffs together for a client that has not asked for the next frame yet: the
 * rows that changed (latest wins), the agents that left (an agent that came back is a change
 * again), and the latest town-wide fields, so one diff from the last frame the client has brings
 * it to the newest. Memory is bounded by the town: one row per agent and object at most. Rows by
 * id, as decoded by the mirror (observer-hub.ts), which encodes the result for the client.
 */
import type { AgentRow, ObjectRow, ObserverDiffRows, ObserverEvent } from '../../shared/contract/dto/observer'
import { MAX_EVENTS_PER_FRAME } from '../shard/observer-emitter'

export class PendingDiff {
  private readonly agents = new Map<string, AgentRow>()
  private readonly removed = new Set<string>()
  private readonly objects = new Map<string, ObjectRow>()
  private events: ObserverEvent[] = []
  private latest: ObserverDiffRows | undefined

  get empty(): boolean {
    return this.latest === undefined
  }

  add(diff: ObserverDiffRows): void {
    for (const row of diff.agents) {
      this.removed.delete(row.id)
      this.agents.set(row.id, row)
    }
    for (const id of diff.removed) {
      this.agents.delete(id)
      this.removed.add(id)
    }
    for (const row of diff.objects) this.objects.set(row.id, row)
    this.events.push(...diff.events)
    if (this.events.length > MAX_EVENTS_PER_FRAME) this.events = this.events.slice(-MAX_EVENTS_PER_FRAME)
    this.latest = diff
  }

  /** One diff from `baseSeq` to the newest frame added; undefined when nothing was added. */
  toDiff(baseSeq: number): ObserverDiffRows | undefined {
    const latest = this.latest
    if (!latest) return undefined
    return { ...latest, base_seq: baseSeq, agents: [...this.agents.values()], removed: [...this.removed], objects: [...this.objects.values()], events: [...this.events] }
  }
}
