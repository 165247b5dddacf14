/**
 * Rolling history of measured ticks/s for the chart. Frames arrive up to ~30 a second; the chart
 * only needs a point every half second, so close samples collapse into one (latest wins).
 */
export interface TpsPoint {
  /** Milliseconds since the epoch (renderer clock). */
  t: number
  tps: number
  /** The shard's tick then, so the chart can join the shared time cursor (absent in old samples). */
  tick?: number
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

/** The span the one smoothed ticks/s figure averages over. */
export const TPS_SMOOTHING_MS = 3_000

/**
 * The tick rate the header and the Tick-rate card both show: the mean of the samples in the last
 * `windowMs` before the newest. Instant samples jump with each frame (one said 41.2 while the
 * chart's said 28.8); one figure, computed once here, reads the same everywhere. A shard that
 * stopped (newest sample 0) shows 0 at once rather than a fading average. Null with no samples.
 */
export function smoothTps(history: readonly TpsPoint[], windowMs = TPS_SMOOTHING_MS): number | null {
  const newest = history[history.length - 1]
  if (newest === undefined) return null
  if (newest.tps === 0) return 0
  const recent = history.filter((p) => p.t >= newest.t - windowMs && p.t <= newest.t)
  return recent.reduce((sum, p) => sum + p.tps, 0) / recent.length
}

/**
 * The history with the host's samples (already on this page's clock) for the time before this
 * page's own: the host's cover what this page missed (it just opened, or was disconnected), and
 * this page's samples newer than the host's newest follow. Then cut to the window as usual.
 */
export function seedTps(history: readonly TpsPoint[], seeded: readonly TpsPoint[], options = TPS_HISTORY): TpsPoint[] {
  if (seeded.length === 0) return history.slice()
  const lastSeeded = seeded[seeded.length - 1] as TpsPoint
  const merged = [...seeded, ...history.filter((p) => p.t > lastSeeded.t)]
  const newest = merged[merged.length - 1] as TpsPoint
  const kept = merged.filter((p) => p.t >= newest.t - options.windowMs)
  return kept.length > MAX_POINTS ? kept.slice(kept.length - MAX_POINTS) : kept
}
