/**
 * What the society panels keep beyond the latest `society` block of an observer frame: queue
 * fairness per frame and the KPIs per KPI window, for the charts, and the narration lines, which
 * the host sends as a short recent list in every frame and the feed accumulates. The host sends
 * queue counters as totals; a point is the difference from the previous frame this client got,
 * so frames the host folded together (a slow client) still add up to what the town counted.
 *
 * Pure functions over immutable lists; each returns its input unchanged (same reference) when
 * nothing new arrived, so a sampled panel does not redraw for a repeated frame. A tick lower than
 * the newest point's means another world (config loaded, shard restarted): the history restarts.
 */
import type { Kpis, Narration, SocietyView } from '../../../shared/contract/dto/society'

/** Queue fairness counters of one frame window (or, as `queueTotals`, since the town began), at the tick the frame was taken. */
export interface FairnessPoint {
  tick: number
  /** Queue conflicts (what the contention table counts). */
  conflicts: number
  ghost_steps: number
  rotations: number
  cooldowns: number
}

/** The KPI values of one KPI window, at the tick it ended (`kpis.tick`). */
export type KpiPoint = Omit<Kpis, 'window_ticks'>

export interface SocietyHistory {
  fairness: readonly FairnessPoint[]
  /** The queue counter totals of the last frame, to difference the next one against. */
  queueTotals: FairnessPoint | null
  kpis: readonly KpiPoint[]
}

export const MAX_FAIRNESS_POINTS = 300
export const MAX_KPI_POINTS = 500
export const MAX_NARRATIONS = 500

export function emptySocietyHistory(): SocietyHistory {
  return { fairness: [], queueTotals: null, kpis: [] }
}

/** The history with this frame's fairness and (when they changed) KPIs recorded. */
export function recordSociety(history: SocietyHistory, society: SocietyView, tick: number): SocietyHistory {
  const totals = queueTotals(society, tick)
  const previous = history.queueTotals
  const sameTotals = previous !== null && COUNTERS.every((k) => previous[k] === totals[k]) && previous.tick === totals.tick
  const queue = sameTotals ? previous : totals
  const delta = fairnessDelta(previous, totals)
  // Without a frame to difference against (the first, or another world), this one is the baseline.
  const fairness = delta ? pushFairness(history.fairness, delta) : [zeroPoint(tick)]
  const kpis = society.kpis ? pushKpis(history.kpis, kpiPoint(society.kpis)) : history.kpis
  return fairness === history.fairness && kpis === history.kpis && queue === previous ? history : { fairness, queueTotals: queue, kpis }
}

const COUNTERS = ['conflicts', 'ghost_steps', 'rotations', 'cooldowns'] as const

/** The frame's queue counter totals (since the town began). */
export function queueTotals(society: SocietyView, tick: number): FairnessPoint {
  const f = society.conflict.fairness
  return { tick, conflicts: f.queue_conflicts, ghost_steps: f.ghost_step_events, rotations: f.rotation_events, cooldowns: f.cooldown_events }
}

/** What was counted between two frames' totals; null when they are not of one world (tick or a total went back). */
export function fairnessDelta(previous: FairnessPoint | null, now: FairnessPoint): FairnessPoint | null {
  if (previous === null || now.tick < previous.tick || COUNTERS.some((k) => now[k] < previous[k])) return null
  return {
    tick: now.tick,
    conflicts: now.conflicts - previous.conflicts,
    ghost_steps: now.ghost_steps - previous.ghost_steps,
    rotations: now.rotations - previous.rotations,
    cooldowns: now.cooldowns - previous.cooldowns
  }
}

function zeroPoint(tick: number): FairnessPoint {
  return { tick, conflicts: 0, ghost_steps: 0, rotations: 0, cooldowns: 0 }
}

export function kpiPoint(kpis: Kpis): KpiPoint {
  const { window_ticks: _window, ...point } = kpis
  return point
}

/**
 * Appends a fairness point. Two frames of one tick (a paused shard's frame, a fetched full frame
 * repeating the last diff's counters) are one point holding the larger of each counter, so a
 * repeat neither doubles a count nor wipes it with a zero.
 */
export function pushFairness(points: readonly FairnessPoint[], point: FairnessPoint, max = MAX_FAIRNESS_POINTS): readonly FairnessPoint[] {
  const last = points[points.length - 1]
  if (last !== undefined && point.tick < last.tick) return [point]
  if (last !== undefined && point.tick === last.tick) {
    const merged = {
      tick: last.tick,
      conflicts: Math.max(last.conflicts, point.conflicts),
      ghost_steps: Math.max(last.ghost_steps, point.ghost_steps),
      rotations: Math.max(last.rotations, point.rotations),
      cooldowns: Math.max(last.cooldowns, point.cooldowns)
    }
    if (merged.conflicts === last.conflicts && merged.ghost_steps === last.ghost_steps && merged.rotations === last.rotations && merged.cooldowns === last.cooldowns) return points
    return [...points.slice(0, -1), merged]
  }
  return bounded([...points, point], max)
}

/** Appends the KPIs when their window tick is new; the same tick again changes nothing. */
export function pushKpis(points: readonly KpiPoint[], point: KpiPoint, max = MAX_KPI_POINTS): readonly KpiPoint[] {
  const last = points[points.length - 1]
  if (last !== undefined && point.tick < last.tick) return [point]
  if (last !== undefined && point.tick === last.tick) return points
  return bounded([...points, point], max)
}

/** The key a narration line is known by across frames. */
export function narrationKey(line: Pick<Narration, 'tick' | 'text'>): string {
  return `${line.tick}\u0000${line.text}`
}

/** The feed with the frame's lines it has not seen (by tick and text) appended, newest last, cut to `max`. */
export function appendNarrations(feed: readonly Narration[], incoming: readonly Narration[], max = MAX_NARRATIONS): readonly Narration[] {
  if (incoming.length === 0) return feed
  const seen = new Set(feed.map(narrationKey))
  const added: Narration[] = []
  for (const line of incoming) {
    const key = narrationKey(line)
    if (seen.has(key)) continue
    seen.add(key)
    added.push(line)
  }
  if (added.length === 0) return feed
  return bounded([...feed, ...added], max)
}

function bounded<T>(list: T[], max: number): T[] {
  return list.length > max ? list.slice(list.length - max) : list
}
