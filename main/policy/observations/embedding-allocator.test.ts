import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EmbeddingMetricsSchema } from '../../../shared/contract/dto/policy'
import { EmbeddingAllocator } from './embedding-allocator'

describe('EmbeddingAllocator', () => {
  it('hands out never-used slots first, lowest first, and returns an agent its own slot again', () => {
    const a = new EmbeddingAllocator(4, 10, 0.05)
    expect([a.allocate(7, 0), a.allocate(3, 0), a.allocate(9, 1)]).toEqual([0, 1, 2])
    expect(a.allocate(3, 5)).toBe(1)
    a.release(7, 6)
    // Slot 3 was never used: it goes before the released slot 0.
    expect(a.allocate(11, 6)).toBe(3)
    expect(a.metrics()).toMatchObject({ in_use: 3, allocations_total: 4, forced_reuse_count: 0, without_slot: 0 })
  })

  it('respects the cooldown: a released slot is reused without force once it has rested', () => {
    const a = new EmbeddingAllocator(2, 10, 0.05)
    a.allocate(0, 0)
    a.allocate(1, 0)
    a.release(1, 3)
    a.release(0, 5)
    // Oldest release first: slot 1 (released at 3), rested 10 ticks at 13.
    expect(a.allocate(2, 13)).toBe(1)
    expect(a.allocate(3, 15)).toBe(0)
    expect(a.metrics()).toMatchObject({ forced_reuse_count: 0, forced_reuse_rate: 0, reuse_warning: false })
  })

  it('orders same-tick releases by slot', () => {
    const a = new EmbeddingAllocator(3, 0, 0.5)
    for (let i = 0; i < 3; i++) a.allocate(i, 0)
    a.release(2, 4)
    a.release(0, 4)
    a.release(1, 4)
    expect([a.allocate(10, 9), a.allocate(11, 9), a.allocate(12, 9)]).toEqual([0, 1, 2])
  })

  it('counts forced reuse of a slot still cooling down, and warns above the threshold', () => {
    const a = new EmbeddingAllocator(1, 100, 0.2)
    a.allocate(0, 0)
    a.release(0, 10)
    expect(a.allocate(1, 20)).toBe(0)
    const m = a.metrics()
    expect(m).toMatchObject({ allocations_total: 2, forced_reuse_count: 1, forced_reuse_rate: 0.5, reuse_warning: true })
    expect(EmbeddingMetricsSchema.parse(m)).toEqual(m)
  })

  it('gives −1 when every slot is taken and counts the agents left without one until a slot frees', () => {
    const a = new EmbeddingAllocator(1, 0, 0.05)
    a.allocate(0, 0)
    expect(a.allocate(1, 0)).toBe(-1)
    expect(a.allocate(1, 1)).toBe(-1)
    expect(a.allocate(2, 1)).toBe(-1)
    expect(a.metrics().without_slot).toBe(2)
    a.release(0, 2)
    expect(a.allocate(1, 2)).toBe(0)
    expect(a.metrics()).toMatchObject({ without_slot: 1, in_use: 1 })
    a.release(2, 3)
    expect(a.metrics().without_slot).toBe(0)
  })

  it('round-trips its state through JSON and carries on identically', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 12 })), { maxLength: 60 }), (ops) => {
        const a = new EmbeddingAllocator(5, 4, 0.1)
        let tick = 0
        for (const [alloc, agent] of ops) {
          tick++
          if (alloc) a.allocate(agent, tick)
          else a.release(agent, tick)
        }
        const restored = EmbeddingAllocator.fromJSON(JSON.parse(JSON.stringify(a.toJSON())))
        if (!restored.ok) throw new Error(restored.error.message)
        const b = restored.value
        expect(b.toJSON()).toEqual(a.toJSON())
        expect(b.metrics()).toEqual(a.metrics())
        for (let agent = 0; agent < 14; agent++) expect(b.allocate(agent, tick + 1)).toBe(a.allocate(agent, tick + 1))
        expect(b.toJSON()).toEqual(a.toJSON())
      })
    )
  })

  it('refuses a saved state that breaks its invariants, naming the field', () => {
    const a = new EmbeddingAllocator(4, 10, 0.05)
    a.allocate(0, 0)
    a.allocate(1, 0)
    a.release(1, 2)
    const good = a.toJSON()
    expect(good).toMatchObject({ assignments: [[0, 0]], released: [[1, 2]], next_fresh: 2 })
    const refused = (patch: object, field: RegExp) => {
      const r = EmbeddingAllocator.fromJSON({ ...good, ...patch })
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('snapshot.invalid')
        expect(r.error.message).toMatch(field)
      }
    }
    refused({ assignments: [[0, 1]] }, /embedding\.released\.0\.0: slot 1 is held and released/)
    refused({ assignments: [[0, 0], [2, 0]] }, /assignments\.1\.1: slot 0 is held twice/)
    refused({ assignments: [[0, 3]] }, /never handed out/)
    refused({ next_fresh: 5 }, /next_fresh/)
    refused({ next_fresh: 3 }, /3 slots were handed out but 2/)
    refused({ waiting: [0] }, /holds a slot and waits/)
    refused({ forced_reuse_count: 9 }, /forced_reuse_count/)
    refused({ max_slots: 'many' }, /max_slots/)
    refused({ extra: 1 }, /extra|Unrecognized/)
    expect(EmbeddingAllocator.fromJSON(null).ok).toBe(false)
  })
})
