/**
 * Identity embedding slots (reference §6.4): each living agent holds one of `maxSlots` slots for
 * as long as it lives, so a model can learn "who" from a slot. A released slot rests for
 * `cooldownTicks` before another agent gets it, so a newcomer is not mistaken for the agent that
 * just left; when every free slot is still resting the oldest is reused anyway (forced reuse,
 * counted, and a warning above `warningThreshold` of allocations). With more living agents than
 * slots the rest get −1 and are counted as without a slot until one frees up.
 *
 * Choice order: a never-used slot (lowest first); else the slot released longest ago (ties by
 * slot), which is also the only one whose cooldown can have elapsed if any has. The state is plain
 * data (toJSON / fromJSON) so a snapshot restores the same assignments.
 */
import type { EmbeddingMetrics } from '../../../shared/contract/dto/policy'
import { err, ok, type Result } from '../../../shared/result'
import { formatZodIssues } from '../../../shared/zod-issues'
import { EmbeddingAllocatorStateSchema, type EmbeddingAllocatorState } from './embedding-allocator-json'

export type { EmbeddingAllocatorState } from './embedding-allocator-json'

export class EmbeddingAllocator {
  private readonly bySlot = new Map<number, number>()
  private nextFresh = 0
  /** Released slots and when, ordered by (released_at, slot). */
  private releasedSlots: number[] = []
  private releasedAt: number[] = []
  private allocations = 0
  private forced = 0
  private readonly waiting = new Set<number>()

  constructor(
    readonly maxSlots: number,
    readonly cooldownTicks: number,
    readonly warningThreshold: number
  ) {}

  /** The embedding slot of an agent, or −1 when it has none. */
  slotOf(agent: number): number {
    return this.bySlot.get(agent) ?? -1
  }

  /** Agent slots that currently hold an embedding slot (insertion order). */
  holders(): IterableIterator<number> {
    return this.bySlot.keys()
  }

  /** The agent's slot, allocating one at `tick` if it has none; −1 when none is free. */
  allocate(agent: number, tick: number): number {
    const held = this.bySlot.get(agent)
    if (held !== undefined) return held
    let slot: number
    if (this.nextFresh < this.maxSlots) {
      slot = this.nextFresh++
    } else if (this.releasedSlots.length > 0) {
      slot = this.releasedSlots.shift()!
      const at = this.releasedAt.shift()!
      if (tick - at < this.cooldownTicks) this.forced++
    } else {
      this.waiting.add(agent)
      return -1
    }
    this.waiting.delete(agent)
    this.allocations++
    this.bySlot.set(agent, slot)
    return slot
  }

  /** The agent leaves: its slot (if any) rests from `tick`. */
  release(agent: number, tick: number): void {
    this.waiting.delete(agent)
    const slot = this.bySlot.get(agent)
    if (slot === undefined) return
    this.bySlot.delete(agent)
    // Releases come in tick order, so this walks back over same-tick releases only.
    let k = this.releasedSlots.length
    while (k > 0 && (this.releasedAt[k - 1]! > tick || (this.releasedAt[k - 1] === tick && this.releasedSlots[k - 1]! > slot))) k--
    this.releasedSlots.splice(k, 0, slot)
    this.releasedAt.splice(k, 0, tick)
  }

  /** Agents that asked for a slot and are still without one. */
  waitingAgents(): IterableIterator<number> {
    return this.waiting.values()
  }

  metrics(): EmbeddingMetrics {
    const rate = this.forced / Math.max(1, this.allocations)
    return {
      max_slots: this.maxSlots,
      in_use: this.bySlot.size,
      allocations_total: this.allocations,
      forced_reuse_count: this.forced,
      forced_reuse_rate: rate,
      reuse_warning: rate > this.warningThreshold,
      without_slot: this.waiting.size,
      cooldown_ticks: this.cooldownTicks
    }
  }

  toJSON(): EmbeddingAllocatorState {
    return {
      max_slots: this.maxSlots,
      cooldown_ticks: this.cooldownTicks,
      warning_threshold: this.warningThreshold,
      assignments: [...this.bySlot.entries()].sort((a, b) => a[0] - b[0]),
      next_fresh: this.nextFresh,
      released: this.releasedSlots.map((s, k) => [s, this.releasedAt[k]!]),
      allocations_total: this.allocations,
      forced_reuse_count: this.forced,
      waiting: [...this.waiting].sort((a, b) => a - b)
    }
  }

  /**
   * Rebuild from `toJSON()` output, checked (shape and the allocator's invariants, see
   * embedding-allocator-json.ts); `at` names where the state sits in a document, for the error.
   */
  static fromJSON(json: unknown, at = 'embedding'): Result<EmbeddingAllocator> {
    const parsed = EmbeddingAllocatorStateSchema.safeParse(json)
    if (!parsed.success) return err('snapshot.invalid', `the embedding allocator's state is not valid: ${formatZodIssues(parsed.error.issues.slice(0, 5).map((i) => ({ ...i, path: [at, ...i.path] })))}`)
    return ok(EmbeddingAllocator.fromState(parsed.data))
  }

  private static fromState(state: EmbeddingAllocatorState): EmbeddingAllocator {
    const a = new EmbeddingAllocator(state.max_slots, state.cooldown_ticks, state.warning_threshold)
    for (const [agent, slot] of state.assignments) a.bySlot.set(agent, slot)
    a.nextFresh = state.next_fresh
    a.releasedSlots = state.released.map(([s]) => s)
    a.releasedAt = state.released.map(([, at]) => at)
    a.allocations = state.allocations_total
    a.forced = state.forced_reuse_count
    for (const agent of state.waiting) a.waiting.add(agent)
    return a
  }
}
