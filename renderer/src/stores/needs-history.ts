/**
 * Rolling history of the town's mean needs for the Overview chart: the last ~120 samples, at
 * most one per half second of wall time (like the tick-rate history), each tagged with the tick
 * and the simulated time it was taken at.
 *
 * Needs evolve with simulated time, so the chart is drawn over ticks: a frame for a tick already
 * sampled (a paused shard still sends frames) replaces that sample instead of adding a flat run.
 * Another config, or a tick lower than the newest sample's, means another world (config loaded,
 * shard restarted), so the old history is dropped rather than drawn into the new one.
 */
import type { ShardStatus } from '../../../shared/contract/dto/shard-status'
import type { WorldSummary } from '../../../shared/contract/dto/world-summary'

export const NEEDS = ['hunger', 'hygiene', 'energy'] as const
export type Need = (typeof NEEDS)[number]

export interface NeedsPoint extends Record<Need, number> {
  /** Milliseconds since the epoch (renderer clock). */
  t: number
  tick: number
  day: number
  /** Simulated time of day, "HH:MM". */
  clock: string
  /** sha256 of the config the world runs. */
  config: string
}

export interface NeedsHistoryOptions {
  maxPoints: number
  minIntervalMs: number
}

export const NEEDS_HISTORY: NeedsHistoryOptions = { maxPoints: 120, minIntervalMs: 500 }

export function needsPoint(world: WorldSummary, status: ShardStatus, t: number): NeedsPoint {
  const { hunger, hygiene, energy } = world.needs
  return { t, tick: status.tick, day: world.day, clock: world.clock, config: status.config.sha256, hunger, hygiene, energy }
}

export function pushNeeds(history: readonly NeedsPoint[], point: NeedsPoint, options = NEEDS_HISTORY): NeedsPoint[] {
  const last = history[history.length - 1]
  if (last !== undefined && (point.tick < last.tick || point.config !== last.config)) return [point]
  // Drop points from the future after the wall clock jumped backwards.
  const kept = history.filter((p) => p.t <= point.t)
  const newest = kept[kept.length - 1]
  const anchor = kept[kept.length - 2]
  // The newest point is an open bucket: it is replaced until it sits minIntervalMs after the
  // point before it, so the chart shows the latest value at a bounded density. A frame for the
  // tick it already holds replaces it too.
  const open =
    newest !== undefined && (newest.tick === point.tick || (anchor !== undefined && point.t - anchor.t < options.minIntervalMs))
  if (open) kept.pop()
  kept.push(point)
  return kept.length > options.maxPoints ? kept.slice(kept.length - options.maxPoints) : kept
}

/**
 * The history with the host's samples (on this page's clock) for the ticks before this page's
 * own: this page's samples for later ticks follow. Samples of another config than the newest
 * are another world and go.
 */
export function seedNeeds(history: readonly NeedsPoint[], seeded: readonly NeedsPoint[], options = NEEDS_HISTORY): NeedsPoint[] {
  const lastSeeded = seeded[seeded.length - 1]
  if (lastSeeded === undefined) return history.slice()
  const newest = history[history.length - 1]
  // This page already sees another world than the host's samples describe (a load since).
  if (newest !== undefined && (newest.config !== lastSeeded.config || newest.tick < lastSeeded.tick)) return history.slice()
  const merged = [...seeded, ...history.filter((p) => p.config === lastSeeded.config && p.tick > lastSeeded.tick)]
  return merged.length > options.maxPoints ? merged.slice(merged.length - options.maxPoints) : merged
}
