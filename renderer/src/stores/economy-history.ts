/**
 * The economy over time, for the Economy panel's charts: prices, stock and wages, sampled from
 * the `economy` block every observer frame carries. Bounded like a ring, but a run longer than
 * the ring keeps its whole span at a coarser grain: when the points fill up, every other one is
 * dropped and the stride between points doubles, so the charts always show from the start.
 *
 * Pure functions over immutable values; each returns its input unchanged (same reference) when
 * nothing new arrived, so a sampled panel does not redraw for a repeated frame. A tick lower than
 * the newest point's means another world (config loaded, shard restarted): the history restarts.
 */
import type { EconomyRow } from '../../../shared/contract/dto/observer'

/** One sample of the economy, each figure under a series key (see the key helpers below). */
export interface EconomyPoint {
  tick: number
  /** meal_cost, ingredients_cost, wage_income. */
  prices: Readonly<Record<string, number>>
  /** Stock summed per object type and item, keyed `type · item` (e.g. `fridge · meals`). */
  stock: Readonly<Record<string, number>>
  /** Each job's wage per tick, keyed by job id. */
  wages: Readonly<Record<string, number>>
  /** Each job's wages paid so far, keyed by job id. */
  earned: Readonly<Record<string, number>>
}

export interface EconomyHistory {
  points: readonly EconomyPoint[]
  /** Ticks between kept points; doubles each time the points are thinned. */
  stride: number
}

export const MAX_ECONOMY_POINTS = 400

export function emptyEconomyHistory(): EconomyHistory {
  return { points: [], stride: 1 }
}

/** The series key of one stocked item. */
export function stockKey(type: string, item: string): string {
  return `${type} · ${item}`
}

/** The economy block of one frame as a point. */
export function economyPoint(economy: EconomyRow, tick: number): EconomyPoint {
  const stock: Record<string, number> = {}
  for (const [type, items] of Object.entries(economy.stock_by_type)) {
    for (const [item, n] of Object.entries(items)) stock[stockKey(type, item)] = n
  }
  const wages: Record<string, number> = {}
  const earned: Record<string, number> = {}
  for (const job of economy.jobs) {
    wages[job.id] = job.wage
    earned[job.id] = job.wages_earned
  }
  return { tick, prices: { ...economy.prices }, stock, wages, earned }
}

/** The history with this frame's economy recorded. */
export function recordEconomy(history: EconomyHistory, economy: EconomyRow, tick: number, max = MAX_ECONOMY_POINTS): EconomyHistory {
  return pushEconomy(history, economyPoint(economy, tick), max)
}

/**
 * Appends a point. The newest point is an open bucket: until the next one would sit `stride`
 * ticks after the point before it, a new frame replaces it, so the chart ends on the latest
 * values without crowding. The same tick with the same values changes nothing.
 */
export function pushEconomy(history: EconomyHistory, point: EconomyPoint, max = MAX_ECONOMY_POINTS): EconomyHistory {
  const { points, stride } = history
  const last = points[points.length - 1]
  if (last !== undefined && point.tick < last.tick) return { points: [point], stride: 1 }
  if (last !== undefined && point.tick === last.tick && samePoint(last, point)) return history
  const anchor = points[points.length - 2]
  const open = last !== undefined && (point.tick === last.tick || (anchor !== undefined && point.tick - anchor.tick < stride))
  const next = open ? [...points.slice(0, -1), point] : [...points, point]
  return next.length > max ? thin(next, stride) : { points: next, stride }
}

/** Every other point dropped (the newest always kept) and the stride doubled. */
function thin(points: readonly EconomyPoint[], stride: number): EconomyHistory {
  const newest = points.length - 1
  return { points: points.filter((_, i) => i % 2 === newest % 2), stride: stride * 2 }
}

function samePoint(a: EconomyPoint, b: EconomyPoint): boolean {
  return sameRecord(a.prices, b.prices) && sameRecord(a.stock, b.stock) && sameRecord(a.wages, b.wages) && sameRecord(a.earned, b.earned)
}

function sameRecord(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

/** The series keys of one group over the whole history (an item may appear only later), sorted. */
export function seriesKeys(points: readonly EconomyPoint[], group: 'prices' | 'stock' | 'wages' | 'earned'): string[] {
  const keys = new Set<string>()
  for (const p of points) for (const k of Object.keys(p[group])) keys.add(k)
  return [...keys].sort()
}
