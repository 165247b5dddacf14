/**
 * Measures achieved ticks per second over a sliding window. It samples (time, tick) pairs once
 * per loop slice rather than per tick, so it costs nothing at tens of thousands of ticks a second.
 */
export class TickRateMeter {
  private samples: { at: number; tick: number }[] = []

  constructor(private readonly windowMs = 1000) {}

  record(at: number, tick: number): void {
    this.samples.push({ at, tick })
    // Keep one sample older than the window so the rate covers the whole window.
    while (this.samples.length > 2 && (this.samples[1]?.at ?? at) <= at - this.windowMs) this.samples.shift()
  }

  /** Ticks per second over the window, 0 until two samples exist. */
  rate(): number {
    const first = this.samples[0]
    const last = this.samples[this.samples.length - 1]
    if (!first || !last || last.at <= first.at) return 0
    return ((last.tick - first.tick) * 1000) / (last.at - first.at)
  }

  reset(): void {
    this.samples = []
  }
}
