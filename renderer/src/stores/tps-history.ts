/**
 * Rolling history of measured ticks/s for the chart. Frames arrive up to ~30 a second; the chart
 * only needs a point every half second, so close samples collapse into one (latest wins).
 */
export interface TpsPoint {
  /** Milliseconds since the epoch (renderer clock). */
  t: number
  tps: number
}

export interface TpsHistoryOptions {
  windowMs: number
  minIntervalMs: number
}

export const TPS_HISTORY: TpsHistoryOptions = { windowMs: 60_000, minIntervalMs: 500 }

/** Hard cap whatever the options, so a clock jump can never grow the list without bound. */
const MAX_POINTS = 1_000

export function pushTps(history: readonly TpsPoint[], point: TpsPoint, options = TPS_HISTORY): TpsPoint[] {
  // The last point is an open bucket: it is replaced until it would sit minIntervalMs after the
  // point before it, so the chart always shows the latest value at a bounded density.
  const anchor = history[history.length - 2]
  const open = anchor !== undefined && point.t >= anchor.t && point.t - anchor.t < options.minIntervalMs
  const base = open ? history.slice(0, -1) : history
  const cutoff = point.t - options.windowMs
  const kept = base.filter((p) => p.t >= cutoff && p.t <= point.t)
  kept.push(point)
  return kept.length > MAX_POINTS ? kept.slice(kept.length - MAX_POINTS) : kept
}
