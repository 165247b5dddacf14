import { describe, expect, it } from 'vitest'
import type { EconomyRow } from '../../../shared/contract/dto/observer'
import { sampleEconomy, sampleObserverFull } from '../../../shared/testing/contract-samples'
import { sampleDiff } from '../testing/observer-samples'
import { economyPoint, emptyEconomyHistory, recordEconomy, seriesKeys } from './economy-history'
import type { EconomyHistory } from './economy-history'
import { applyFullFrame, initialObserver, receiveFrame } from './observer-state'

const job = { id: 'barista', workplace: 'cafe', start: '07:00', end: '15:00', wage: 0.025, lateness_penalty: 0.1, employed: 2, on_shift: 1, late: 0, attendance: 1, late_shifts: 0, wages_earned: 0.5, wages_withheld: 0 }

function economy(meals: number, mealCost = 0.4, earned = 0.5): EconomyRow {
  return { ...sampleEconomy(), prices: { ...sampleEconomy().prices, meal_cost: mealCost }, stock_by_type: { fridge: { meals }, stove: { ingredients: 2 } }, jobs: [{ ...job, wages_earned: earned }] }
}

function run(ticks: number[], max?: number): EconomyHistory {
  return ticks.reduce((h, tick) => recordEconomy(h, economy(tick % 7, 0.4, tick / 10), tick, max), emptyEconomyHistory())
}

describe('economy history', () => {
  it('turns a frame economy into prices, stock per type and item, and wages per job', () => {
    expect(economyPoint(economy(14), 30)).toEqual({
      tick: 30,
      prices: { meal_cost: 0.4, ingredients_cost: 0.15, wage_income: 0.02 },
      stock: { 'fridge · meals': 14, 'stove · ingredients': 2 },
      wages: { barista: 0.025 },
      earned: { barista: 0.5 }
    })
  })

  it('records one point per tick and ignores a repeated frame', () => {
    const h = run([0, 1, 2])
    expect(h.points.map((p) => p.tick)).toEqual([0, 1, 2])
    expect(recordEconomy(h, economy(2, 0.4, 0.2), 2)).toBe(h)
    // The same tick with new values (a fetched full frame after a diff) replaces the newest point.
    const replaced = recordEconomy(h, economy(5), 2)
    expect(replaced.points).toHaveLength(3)
    expect(replaced.points[2]?.stock['fridge · meals']).toBe(5)
  })

  it('stays bounded and keeps the whole run at a coarser grain', () => {
    const h = run(Array.from({ length: 1_000 }, (_, i) => i), 100)
    expect(h.points.length).toBeLessThanOrEqual(100)
    expect(h.points.length).toBeGreaterThan(40)
    expect(h.points[0]!.tick).toBeLessThan(20)
    expect(h.points[h.points.length - 1]!.tick).toBe(999)
    expect(h.stride).toBeGreaterThan(1)
    const ticks = h.points.map((p) => p.tick)
    expect([...ticks].sort((a, b) => a - b)).toEqual(ticks)
  })

  it('the newest point follows the latest frame between strides', () => {
    const h = run(Array.from({ length: 300 }, (_, i) => i), 100)
    const next = recordEconomy(h, economy(6, 0.9), 300, 100)
    expect(next.points[next.points.length - 1]).toMatchObject({ tick: 300, prices: { meal_cost: 0.9 } })
    expect(next.points.length).toBeLessThanOrEqual(h.points.length + 1)
  })

  it('restarts for another world (the tick went back)', () => {
    const h = recordEconomy(run([10, 20, 30]), economy(1), 0)
    expect(h.points.map((p) => p.tick)).toEqual([0])
    expect(h.stride).toBe(1)
  })

  it('lists the series keys seen anywhere in the history', () => {
    const later = recordEconomy(run([0]), { ...economy(1), stock_by_type: { shelf: { snacks: 3 } } }, 1)
    expect(seriesKeys(later.points, 'stock')).toEqual(['fridge · meals', 'shelf · snacks', 'stove · ingredients'])
    expect(seriesKeys(later.points, 'wages')).toEqual(['barista'])
  })
})

describe('economy history in the observer store', () => {
  it('is fed by full frames and diffs, and starts again for another world', () => {
    let slice = applyFullFrame(initialObserver(), { ...sampleObserverFull(1), economy: economy(4) }, 0)
    slice = receiveFrame(slice, { ...sampleDiff(2, 1, { tick: 5 }), economy: economy(3, 0.6) }, 10).slice
    expect(slice.economyHistory.points.map((p) => [p.tick, p.stock['fridge · meals'], p.prices.meal_cost])).toEqual([
      [0, 4, 0.4],
      [5, 3, 0.6]
    ])
    const other = applyFullFrame(slice, { ...sampleObserverFull(3), config_id: 'other', economy: economy(9) }, 20)
    expect(other.economyHistory.points.map((p) => p.stock['fridge · meals'])).toEqual([9])
    expect(initialObserver().economyHistory.points).toEqual([])
  })
})
