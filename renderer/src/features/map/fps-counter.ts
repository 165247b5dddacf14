/**
 * Frames actually drawn in the last second. The map draws only when something changed, so this
 * reads 0 on a still town and ~30 while frames stream in; tests read it to see the map keeps up.
 */
export class FpsCounter {
  private readonly stamps: number[] = []

  constructor(private readonly windowMs = 1_000) {}

  /** Notes one drawn frame at `now` (ms, monotonic). */
  record(now: number): void {
    this.stamps.push(now)
    this.prune(now)
  }

  /** Frames drawn in (now − window, now]. */
  rate(now: number): number {
    this.prune(now)
    return this.stamps.length
  }

  private prune(now: number): void {
    let drop = 0
    while (drop < this.stamps.length && this.stamps[drop]! <= now - this.windowMs) drop++
    if (drop > 0) this.stamps.splice(0, drop)
  }
}
