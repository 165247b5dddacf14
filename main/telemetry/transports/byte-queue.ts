/**
 * The buffer in front of every transport: encoded lines, bounded by bytes (queued plus the batch
 * in flight), oldest dropped first. A head index instead of `shift()` keeps push and take O(1)
 * amortised; the array is compacted once its dead head outgrows its live part.
 */

export interface Batch {
  lines: string[]
  bytes: number
}

export class ByteQueue {
  private items: string[] = []
  private sizes: number[] = []
  private head = 0
  private queuedBytes = 0
  private inflight = 0
  dropped = 0

  constructor(readonly maxBytes: number) {}

  get length(): number {
    return this.items.length - this.head
  }

  /** Bytes queued plus in flight: what the bound holds. */
  get bytes(): number {
    return this.queuedBytes + this.inflight
  }

  /**
   * Add one line (its bytes counted with the newline that ends it). Older lines are dropped to
   * make room; a line that cannot fit even then (bigger than the bound, or the batch in flight
   * holds the room) is itself dropped. Returns whether the line was queued.
   */
  push(line: string): boolean {
    const size = Buffer.byteLength(line, 'utf8') + 1
    if (size + this.inflight > this.maxBytes) {
      this.dropped++
      return false
    }
    while (this.queuedBytes + this.inflight + size > this.maxBytes) this.dropOldest()
    this.items.push(line)
    this.sizes.push(size)
    this.queuedBytes += size
    return true
  }

  /** Take up to `max` lines as the batch in flight; its bytes stay counted until settled. */
  take(max: number): Batch | null {
    if (this.length === 0 || this.inflight > 0) return null
    const end = Math.min(this.items.length, this.head + max)
    const lines = this.items.slice(this.head, end)
    let bytes = 0
    for (let i = this.head; i < end; i++) bytes += this.sizes[i] ?? 0
    this.head = end
    this.queuedBytes -= bytes
    this.inflight = bytes
    this.compact()
    return { lines, bytes }
  }

  /** The batch in flight was delivered (or given up, `dropped` true). */
  settle(batch: Batch, dropped = false): void {
    this.inflight = 0
    if (dropped) this.dropped += batch.lines.length
  }

  /**
   * The batch in flight failed and will be retried: back to the front, so it is the oldest again
   * and the first to go if newer messages need its room.
   */
  requeue(batch: Batch): void {
    this.inflight = 0
    const sizes = batch.lines.map((l) => Buffer.byteLength(l, 'utf8') + 1)
    this.items = batch.lines.concat(this.items.slice(this.head))
    this.sizes = sizes.concat(this.sizes.slice(this.head))
    this.head = 0
    this.queuedBytes += batch.bytes
  }

  /** Drop everything queued (counted); the batch in flight is left to settle. */
  clear(): void {
    this.dropped += this.length
    this.items = []
    this.sizes = []
    this.head = 0
    this.queuedBytes = 0
  }

  private dropOldest(): void {
    this.queuedBytes -= this.sizes[this.head] ?? 0
    // Release the text now: the bound is on memory, not only on what we count.
    this.items[this.head] = ''
    this.head++
    this.dropped++
    this.compact()
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head)
      this.sizes = this.sizes.slice(this.head)
      this.head = 0
    }
  }
}
