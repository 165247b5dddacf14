/**
 * What the recent ticks cost in wall-clock time, for the console's `health_status`: the shard
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

export class TickTiming {
  private readonly ms: Float64Array
  private next = 0
  private count = 0

  constructor(readonly window = TICK_TIMING_WINDOW) {
    this.ms = new Float64Array(window)
  }

  record(ms: number): void {
    this.ms[this.next] = Number.isFinite(ms) && ms > 0 ? ms : 0
    this.next = (this.next + 1) % this.window
    if (this.count < this.window) this.count++
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
