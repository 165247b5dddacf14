import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TIE_FAMILIARITY, TIE_OTHER, TIE_RIVALRY, TIE_STRIDE, TIE_TRUST } from './society-state'
import { societyTown } from './testing/society-town'
import { adjustTie, findTie, rivalryOf } from './tie-ledger'

const SMALL = '{ ties: { max_per_agent: 3 }, rivalry: { min_value: 0, max_value: 0.9, avoid_threshold: 0.7 } }'

describe('tie ledger', () => {
  it('creates, changes and clamps a directed tie', () => {
    const world = societyTown(3, SMALL)
    expect(adjustTie(world, 0, 1, { rivalry: 0.5 })).toBeCloseTo(0.5)
    expect(rivalryOf(world.state.society, 0, 1)).toBeCloseTo(0.5)
    expect(rivalryOf(world.state.society, 1, 0)).toBe(0)
    // Clamped to max_value 0.9: the change reported is what was applied.
    expect(adjustTie(world, 0, 1, { rivalry: 1, trust: -3, familiarity: 2 })).toBeCloseTo(0.4)
    const ledger = world.state.society.ties[0]!
    const k = findTie(ledger, 1)
    expect([ledger[k + TIE_TRUST], ledger[k + TIE_FAMILIARITY], ledger[k + TIE_RIVALRY]]).toEqual([-1, 1, 0.9])
    expect(world.state.society.tieCount).toBe(1)
  })

  it('makes room in a full ledger by dropping the weakest tie, and refuses a newcomer weaker than all', () => {
    const world = societyTown(6, SMALL)
    adjustTie(world, 0, 1, { rivalry: 0.3 })
    adjustTie(world, 0, 2, { familiarity: 0.1 })
    adjustTie(world, 0, 3, { trust: -0.5 })
    expect(adjustTie(world, 0, 4, { rivalry: 0.05 })).toBeNull()
    expect(findTie(world.state.society.ties[0]!, 4)).toBe(-1)
    expect(adjustTie(world, 0, 5, { rivalry: 0.2 })).toBeCloseTo(0.2)
    const others = []
    const ledger = world.state.society.ties[0]!
    for (let k = 0; k < ledger.length; k += TIE_STRIDE) others.push(ledger[k + TIE_OTHER])
    expect(others.sort()).toEqual([1, 3, 5])
    expect(world.state.society.counters.ties_removed).toBe(1)
  })

  it('keeps every ledger bounded, without duplicates, within ranges, and counted, whatever happens', () => {
    const op = fc.record({
      owner: fc.integer({ min: 0, max: 7 }),
      other: fc.integer({ min: 0, max: 7 }),
      trust: fc.double({ min: -1, max: 1, noNaN: true }),
      familiarity: fc.double({ min: -1, max: 1, noNaN: true }),
      rivalry: fc.double({ min: -1, max: 1, noNaN: true })
    })
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const world = societyTown(8, SMALL)
        const society = world.state.society
        for (const o of ops) if (o.owner !== o.other) adjustTie(world, o.owner, o.other, o)
        let total = 0
        for (const ledger of society.ties) {
          expect(ledger.length % TIE_STRIDE).toBe(0)
          expect(ledger.length / TIE_STRIDE).toBeLessThanOrEqual(3)
          const others = new Set<number>()
          for (let k = 0; k < ledger.length; k += TIE_STRIDE) {
            others.add(ledger[k + TIE_OTHER]!)
            expect(ledger[k + TIE_TRUST]).toBeGreaterThanOrEqual(-1)
            expect(ledger[k + TIE_TRUST]).toBeLessThanOrEqual(1)
            expect(ledger[k + TIE_FAMILIARITY]).toBeGreaterThanOrEqual(0)
            expect(ledger[k + TIE_FAMILIARITY]).toBeLessThanOrEqual(1)
            expect(ledger[k + TIE_RIVALRY]).toBeGreaterThanOrEqual(0)
            expect(ledger[k + TIE_RIVALRY]).toBeLessThanOrEqual(0.9)
          }
          expect(others.size).toBe(ledger.length / TIE_STRIDE)
          total += others.size
        }
        expect(society.tieCount).toBe(total)
      })
    )
  })
})
