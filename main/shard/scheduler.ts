/**
 * The shard's only window on time. The engine never reads a clock; the shard's clock does, through
 * this seam, so tests can drive time by hand and the worker can use real timers.
 */
export interface Scheduler {
  /** Milliseconds from an arbitrary origin, monotonic. */
  now(): number
  /** Run `fn` after `ms` milliseconds (0: as soon as pending messages were handled). Returns a cancel function. */
  after(ms: number, fn: () => void): () => void
}

export const realScheduler: Scheduler = {
  now: () => performance.now(),
  after(ms, fn) {
    // setImmediate yields to pending worker messages (pause, step) between loop slices; a 0 ms
    // setTimeout would cost at least a millisecond each time.
    if (ms <= 0) {
      const handle = setImmediate(fn)
      return () => clearImmediate(handle)
    }
    const handle = setTimeout(fn, ms)
    return () => clearTimeout(handle)
  }
}
