/**
 * Sums over the last `span` ticks, kept as one bucket per tick that had anything to add. Each
 * bucket holds `width` numbers (a count, or n/sum/sum² for a variance), so one class serves every
 * analyzer. Plain data in and out (toJSON/fromJSON) so monitors survive snapshots.
 *
 * O(1) amortised per tick at any span: the buckets sit in a ring (one flat Float64Array, grown by
 * doubling), and the window keeps running sums, adding a bucket's values when they arrive and
 * subtracting them when the bucket falls out, instead of re-summing the window. For whole numbers
 * (every count) that subtraction is exact. Fractional values (rewards) could drift by rounding
 * over a long run, so a window that has held any re-sums its buckets once per `span` ticks (at
 * ticks that are multiples of the span: a rule of the tick alone, so a window restored from JSON
 * re-sums exactly where the original does); that is O(span) once per span ticks.
 */
export interface RollingWindowJson {
  span: number
  width: number
  /** [tick, v0, v1, …] oldest first. */
  buckets: number[][]
  /** The running sums as they were, so a restored window continues bit for bit. */
  sums: number[]
}

/** Sums this far from the re-sum of a restored window's buckets are the same sums, rounded differently. */
const RESTORE_TOLERANCE = 1e-9

/** Values `add` takes at most per bucket (the widest window, the KPIs', has 7). */
export const MAX_ADD_WIDTH = 7
const SCRATCH = new Float64Array(MAX_ADD_WIDTH)

export class RollingWindow {
  /** Numbers per bucket: its tick, then `width` values. */
  private readonly stride: number
  private data: Float64Array
  /** Ring slot of the oldest bucket, and how many buckets are stored. */
  private head = 0
  private size = 0
  private readonly sums: Float64Array
  /** Some bucket held a fractional value since the last re-sum (so subtraction may round). */
  private fractional = false

  constructor(
    readonly span: number,
    readonly width = 1
  ) {
    if (width > MAX_ADD_WIDTH) throw new RangeError(`a rolling window holds at most ${MAX_ADD_WIDTH} values per bucket, not ${width}`)
    this.stride = width + 1
    this.sums = new Float64Array(width)
    this.data = new Float64Array(4 * this.stride)
  }

  /**
   * Add values at `tick` (ticks only move forward); a zero row is not stored. Positional, not a
   * rest list: every analyzer calls this every tick, and a rest array per call was most of its cost.
   */
  add(tick: number, v0: number, v1 = 0, v2 = 0, v3 = 0, v4 = 0, v5 = 0, v6 = 0): void {
    if (v0 === 0 && v1 === 0 && v2 === 0 && v3 === 0 && v4 === 0 && v5 === 0 && v6 === 0) return
    const values = SCRATCH
    values[0] = v0
    values[1] = v1
    values[2] = v2
    values[3] = v3
    values[4] = v4
    values[5] = v5
    values[6] = v6
    const width = this.width
    const stride = this.stride
    let at: number
    if (this.size > 0 && this.data[this.slot(this.size - 1) * stride] === tick) at = this.slot(this.size - 1) * stride
    else {
      if (this.size * stride === this.data.length) this.grow()
      at = this.slot(this.size) * stride
      this.size++
      this.data[at] = tick
      this.data.fill(0, at + 1, at + stride)
    }
    const { data, sums } = this
    for (let k = 0; k < width; k++) {
      const v = values[k]!
      if (!Number.isInteger(v)) this.fractional = true
      data[at + 1 + k]! += v
      sums[k]! += v
    }
  }

  /** Forget buckets older than the window ending at `tick` (ticks `tick − span + 1 … tick` stay). */
  prune(tick: number): void {
    const { data, sums, stride, width } = this
    const oldest = tick - this.span
    const mask = data.length / stride - 1
    while (this.size > 0 && data[this.head * stride]! <= oldest) {
      const at = this.head * stride
      for (let k = 0; k < width; k++) sums[k]! -= data[at + 1 + k]!
      this.head = (this.head + 1) & mask
      this.size--
    }
    if (this.size === 0) {
      // Nothing left: exact zeros, whatever rounding did before.
      sums.fill(0)
      this.fractional = false
    } else if (this.fractional && tick % this.span === 0) this.resum()
  }

  /** Window total of value `k`. */
  sum(k = 0): number {
    return k >= 0 && k < this.width ? this.sums[k]! : 0
  }

  /** Ticks of the stored buckets, oldest first (e.g. when each starvation incident happened). */
  ticks(): number[] {
    const out: number[] = []
    for (let b = 0; b < this.size; b++) out.push(this.data[this.slot(b) * this.stride]!)
    return out
  }

  toJSON(): RollingWindowJson {
    const buckets: number[][] = []
    for (let b = 0; b < this.size; b++) {
      const at = this.slot(b) * this.stride
      buckets.push(Array.from(this.data.subarray(at, at + this.stride)))
    }
    return { span: this.span, width: this.width, buckets, sums: Array.from(this.sums) }
  }

  /**
   * `span` lets a restored window follow a changed config (the next prune trims it). The saved
   * sums are kept when they agree with the buckets (bit-for-bit continuation); sums that do not
   * (a hand-edited file) are replaced by the buckets' own, since nothing would correct them later.
   */
  static fromJSON(json: RollingWindowJson, span = json.span): RollingWindow {
    const w = new RollingWindow(span, json.width)
    let capacity = 4
    while (capacity < json.buckets.length) capacity *= 2
    w.data = new Float64Array(capacity * w.stride)
    json.buckets.forEach((b, i) => {
      for (let k = 0; k < w.stride; k++) w.data[i * w.stride + k] = b[k] ?? 0
      for (let k = 1; k < w.stride; k++) if (!Number.isInteger(b[k] ?? 0)) w.fractional = true
    })
    w.size = json.buckets.length
    w.resum()
    for (let k = 0; k < w.width; k++) {
      const saved = json.sums[k] ?? 0
      const scale = Math.max(1, Math.abs(w.sums[k]!))
      if (Math.abs(saved - w.sums[k]!) <= RESTORE_TOLERANCE * scale) w.sums[k] = saved
    }
    // Until the next re-sum the saved sums carry whatever rounding the original's did.
    w.fractional ||= !json.sums.every(Number.isInteger)
    return w
  }

  /** Ring slot of the `b`-th stored bucket (0 = oldest). */
  private slot(b: number): number {
    return (this.head + b) & (this.data.length / this.stride - 1)
  }

  /** Double the ring, laying the buckets out oldest first from slot 0. */
  private grow(): void {
    const stride = this.stride
    const capacity = this.data.length / stride
    const grown = new Float64Array(capacity * 2 * stride)
    const tail = (capacity - this.head) * stride
    grown.set(this.data.subarray(this.head * stride), 0)
    grown.set(this.data.subarray(0, this.head * stride), tail)
    this.data = grown
    this.head = 0
  }

  /** Recompute the sums from the buckets, oldest first (drops any rounding the running sums picked up). */
  private resum(): void {
    const { sums, stride, width } = this
    sums.fill(0)
    let fractional = false
    for (let b = 0; b < this.size; b++) {
      const at = this.slot(b) * stride
      for (let k = 0; k < width; k++) {
        const v = this.data[at + 1 + k]!
        if (!Number.isInteger(v)) fractional = true
        sums[k]! += v
      }
    }
    this.fractional = fractional
  }
}
