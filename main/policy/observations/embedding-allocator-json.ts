/**
 * The embedding allocator's saved state, checked on the way back in. Beyond the shape, the
 * allocator's own invariants: every slot below `next_fresh` is either held by exactly one agent
 * or resting in `released` (never both), released slots are in (released_at, slot) order, and
 * no agent both holds a slot and waits for one. A state that breaks them would hand one slot to
 * two agents, so it is refused, naming the field.
 */
import { z } from 'zod'

/** Agent slots (the world checks them against its own count). */
const agent = z.number().int().min(0).max(1_000_000)
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

export const EmbeddingAllocatorStateSchema = z
  .object({
    max_slots: z.number().int().min(1).max(100_000),
    cooldown_ticks: z.number().int().min(0).max(1_000_000),
    warning_threshold: z.number().gt(0).max(1),
    assignments: z.array(z.tuple([agent, z.number().int().min(0)])).max(100_000),
    next_fresh: z.number().int().min(0),
    released: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)])).max(100_000),
    allocations_total: count,
    forced_reuse_count: count,
    waiting: z.array(agent).max(1_000_000)
  })
  .strict()
  .superRefine((s, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
    if (s.next_fresh > s.max_slots) problem(['next_fresh'], `is ${s.next_fresh}, more than max_slots (${s.max_slots})`)
    const owner = new Map<number, string>()
    const holders = new Set<number>()
    s.assignments.forEach(([a, slot], k) => {
      if (k > 0 && s.assignments[k - 1]![0] >= a) problem(['assignments', k], 'agents must be listed once each, in ascending order')
      if (slot >= s.next_fresh) problem(['assignments', k, 1], `slot ${slot} was never handed out (next_fresh is ${s.next_fresh})`)
      if (owner.has(slot)) problem(['assignments', k, 1], `slot ${slot} is held twice`)
      owner.set(slot, 'held')
      holders.add(a)
    })
    s.released.forEach(([slot, at], k) => {
      if (slot >= s.next_fresh) problem(['released', k, 0], `slot ${slot} was never handed out (next_fresh is ${s.next_fresh})`)
      if (owner.has(slot)) problem(['released', k, 0], `slot ${slot} is ${owner.get(slot) === 'held' ? 'held and released' : 'released twice'}`)
      owner.set(slot, 'released')
      const prev = s.released[k - 1]
      if (prev && (prev[1] > at || (prev[1] === at && prev[0] > slot))) problem(['released', k], 'released slots must be in (released_at, slot) order')
    })
    if (owner.size !== s.next_fresh) problem(['next_fresh'], `${s.next_fresh} slots were handed out but ${owner.size} are held or released`)
    s.waiting.forEach((a, k) => {
      if (k > 0 && s.waiting[k - 1]! >= a) problem(['waiting', k], 'agents must be listed once each, in ascending order')
      if (holders.has(a)) problem(['waiting', k], `agent slot ${a} holds a slot and waits for one`)
    })
    if (s.forced_reuse_count > s.allocations_total) problem(['forced_reuse_count'], 'cannot exceed allocations_total')
    if (s.assignments.length > s.allocations_total) problem(['allocations_total'], 'is less than the slots held')
  })

export type EmbeddingAllocatorState = z.infer<typeof EmbeddingAllocatorStateSchema>
