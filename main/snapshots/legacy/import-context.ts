/**
 * What every step of a legacy import shares: the fresh target world being overlaid, the parsed
 * legacy state, the report, and the id → slot tables the steps build for each other (agents
 * first, then everything that names agents).
 */
import type { Spawner } from '../../sim/agents/spawn-agents'
import type { World } from '../../sim/state/world'
import type { ReportBuilder } from './import-report'
import type { LegacyState } from './legacy-schema'

export interface ImportContext {
  world: World
  state: LegacyState
  report: ReportBuilder
  /** Legacy agent id → our slot, for every agent that landed in the world. */
  slots: Map<string, number>
  /** Our object id → object index. */
  objects: Map<string, number>
  /** Our tick after the import. */
  tick: number
  /** Adds the agents the town lacks and re-staffs those whose job changes, counting the town once. */
  spawner?: Spawner
}

/**
 * A legacy tick (a cooldown expiry, a queue join, an event start) on our clock. The import keeps
 * the tick as it is (see docs/legacy-import.md), so a tick maps to itself and every remaining
 * duration carries over unchanged; this is the one place that would change if it did not.
 */
export function rebase(ctx: ImportContext, legacyTick: number): number {
  return legacyTick - ctx.state.tick + ctx.tick
}

export const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v)
