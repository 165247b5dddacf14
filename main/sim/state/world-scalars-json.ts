/**
 * The world's few loose values as JSON and back: the tick, prices, utilities, queue counters and
 * run totals. `tileCount` (people per tile) is not saved: it is the living agents' positions
 * counted, so a restore recounts it (`tileCountOf`).
 */
import { z } from 'zod'
import { COUNT, INT32, Problems, SANE, type Parsed } from '../snapshot/json-problems'
import type { AgentStore } from './agent-store'
import type { QueueCounters, Totals, WorldState } from './world'

export type WorldScalarsJson = {
  tick: number
  prices: WorldState['prices']
  utilities: WorldState['utilities']
  counters: QueueCounters
  totals: Totals
}

export const WORLD_SCALAR_KEYS = ['tick', 'prices', 'utilities', 'counters', 'totals'] as const

const count = z.number().int().min(0).max(COUNT.max)
const price = z.number().min(SANE.min).max(SANE.max)
// Ticks also sit in Int32 agent columns (optionSince, lastMoved), so a tick past 2^31 could not be kept.
const ScalarsSchema = z
  .object({
    tick: z.number().int().min(0).max(INT32.max),
    prices: z.object({ meal_cost: price, ingredients_cost: price, wage_income: price }).strict(),
    utilities: z.object({ power: z.boolean(), water: z.boolean() }).strict(),
    counters: z.object({ cooldown_events: count, ghost_step_events: count, rotation_events: count }).strict(),
    totals: z.object({ meals: count, showers: count, sleeps: count, shifts_late: count }).strict()
  })
  .strict()

export function worldScalarsToJSON(state: WorldState): WorldScalarsJson {
  return {
    tick: state.tick,
    prices: { ...state.prices },
    utilities: { ...state.utilities },
    counters: { ...state.counters },
    totals: { ...state.totals }
  }
}

/** `json` holds the five keys (the world document keeps them at its top level). */
export function worldScalarsFromJSON(json: unknown, path = ''): Parsed<WorldScalarsJson> {
  const p = new Problems()
  const parsed = ScalarsSchema.safeParse(json)
  if (!parsed.success) p.addZod(path, parsed.error)
  return p.result(() => parsed.data!)
}

/**
 * People per tile: the living agents counted where they stand. The engine keeps the same count
 * incrementally; null when a tile would hold more than its Uint16 counter can.
 */
export function tileCountOf(agents: AgentStore, width: number, height: number): Uint16Array | null {
  const counts = new Uint16Array(width * height)
  const { alive, x, y } = agents.cols
  for (let i = 0; i < agents.count; i++) {
    if (alive[i] !== 1) continue
    const t = y[i]! * width + x[i]!
    if (counts[t] === 0xffff) return null
    counts[t]!++
  }
  return counts
}
