import type { Scheduler } from './scheduler'

/**
 * A scheduler whose time moves only when a test says so. Timers fire in due order; each timer
 * that runs may take `costPerCall` virtual milliseconds, so "max" speed loops end their slices.
 */
export class ManualScheduler implements Scheduler {
  private time = 0
  private timers: { at: number; seq: number; fn: () => void }[] = []
  private seq = 0

  now(): number {
    return this.time
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((t) => t !== timer)
    }
  }

  /** Move time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + ms
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = this.timers[0]
      if (!next || next.at > end) break
      this.timers.shift()
      this.time = Math.max(this.time, next.at)
      next.fn()
    }
    this.time = end
  }

  /** Advance the clock without firing timers, as a slow tick would. */
  spend(ms: number): void {
    this.time += ms
  }

  get pending(): number {
    return this.timers.length
  }
}
