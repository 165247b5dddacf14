/**
 * Sums over the last `span` ticks, kept as one bucket per tick that had anything to add. Each
 * bucket holds `width` numbers (a count, or n/sum/sum² for a variance), so one class serves every
 * analyzer. Plain data in and out (toJSON/fromJSON) so monitors survive snapshots.
 */
export interface RollingWindowJson {
  span: number
  width: number
  /** [tick, v0, v1, …] oldest first. */
  buckets: number[][]
  /** The running sums as they were, so a restored window continues bit for bit. */
  sums: number[]
}

export class RollingWindow {
  private buckets: number[][] = []
  private sums: number[]

  constructor(
    readonly span: number,
    readonly width = 1
  ) {
    this.sums = new Array<number>(width).fill(0)
  }

  /** Add values at `tick` (ticks only move forward); a zero row is not stored. */
  add(tick: number, ...values: number[]): void {
    if (values.every((v) => v === 0)) return
    let last = this.buckets[this.buckets.length - 1]
    if (last?.[0] !== tick) {
      last = [tick, ...new Array<number>(this.width).fill(0)]
      this.buckets.push(last)
    }
    for (let k = 0; k < this.width; k++) {
      const v = values[k] ?? 0
      last[k + 1]! += v
      this.sums[k]! += v
    }
  }

  /** Forget buckets older than the window ending at `tick` (ticks `tick − span + 1 … tick` stay). */
  prune(tick: number): void {
    let drop = 0
    while (drop < this.buckets.length && this.buckets[drop]![0]! <= tick - this.span) drop++
    if (drop === 0) return
    this.buckets.splice(0, drop)
    // Re-summing what is left (rather than subtracting) keeps float sums from drifting over a long run.
    this.sums.fill(0)
    for (const b of this.buckets) for (let k = 0; k < this.width; k++) this.sums[k]! += b[k + 1]!
  }

  /** Window total of value `k`. */
  sum(k = 0): number {
    return this.sums[k] ?? 0
  }

  /** Ticks of the stored buckets, oldest first (e.g. when each starvation incident happened). */
  ticks(): number[] {
    return this.buckets.map((b) => b[0]!)
  }

  toJSON(): RollingWindowJson {
    return { span: this.span, width: this.width, buckets: this.buckets.map((b) => [...b]), sums: [...this.sums] }
  }

  /** `span` lets a restored window follow a changed config (the next prune trims it). */
  static fromJSON(json: RollingWindowJson, span = json.span): RollingWindow {
    const w = new RollingWindow(span, json.width)
    w.buckets = json.buckets.map((b) => [...b])
    w.sums = [...json.sums]
    return w
  }
}
