/**
 * What the recent ticks cost in wall-clock time, for the console's `health_status` (and, since the
 * start, as a histogram for `GET /metrics`): the shard
 * keeps this whether or not a telemetry stream is attached (the stream's `loop.health` is built
 * only while it streams). A fixed ring of the last `window` ticks: O(1) per tick, and the mean and
 * maximum are worked out only when someone asks.
 */
export const TICK_TIMING_WINDOW = 60

export interface TickTimingView {
  /** Ticks the figures cover (fewer than the window early on; 0 before the first tick). */
  ticks: number
  mean_ms: number
  max_ms: number
}

/** Upper bounds (ms) of the tick-duration histogram's buckets, Prometheus-style (`le`); +Inf is implied. */
export const TICK_HISTOGRAM_BOUNDS_MS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 1000] as const

/** Every tick since the simulation started, by duration: cumulative counts per bound, as `GET /metrics` reports them. */
export interface TickHistogram {
  bounds_ms: number[]
  /** `cumulative[i]`: ticks that took at most `bounds_ms[i]`; the last entry is every tick (+Inf). */
  cumulative: number[]
  count: number
  sum_ms: number
}

export class TickTiming {
  private readonly ms: Float64Array
  private next = 0
  private count = 0
  /** Per bucket (not cumulative, so a tick costs one increment); the last is +Inf. */
  private readonly buckets = new Float64Array(TICK_HISTOGRAM_BOUNDS_MS.length + 1)
  private total = 0
  private sumMs = 0

  constructor(readonly window = TICK_TIMING_WINDOW) {
    this.ms = new Float64Array(window)
  }

  record(ms: number): void {
    const v = Number.isFinite(ms) && ms > 0 ? ms : 0
    this.ms[this.next] = v
    this.next = (this.next + 1) % this.window
    if (this.count < this.window) this.count++
    let b = 0
    while (b < TICK_HISTOGRAM_BOUNDS_MS.length && v > TICK_HISTOGRAM_BOUNDS_MS[b]!) b++
    this.buckets[b]!++
    this.total++
    this.sumMs += v
  }

  histogram(): TickHistogram {
    const cumulative: number[] = []
    let running = 0
    for (const n of this.buckets) cumulative.push((running += n))
    return { bounds_ms: [...TICK_HISTOGRAM_BOUNDS_MS], cumulative, count: this.total, sum_ms: Math.round(this.sumMs * 1000) / 1000 }
  }

  view(): TickTimingView {
    let sum = 0
    let max = 0
    for (let i = 0; i < this.count; i++) {
      const v = this.ms[i]!
      sum += v
      if (v > max) max = v
    }
    const round = (v: number) => Math.round(v * 1000) / 1000
    return { ticks: this.count, mean_ms: this.count === 0 ? 0 : round(sum / this.count), max_ms: round(max) }
  }
}
