/**
 * A token bucket on an injected clock (milliseconds): holds up to `capacity` tokens, refills at
 * `perSecond`, starts full. The host bounds what a client can make it do with these (audit lines
 * from a viewer, admin-token guesses) without timers of its own.
 */
export class TokenBucket {
  private tokens: number
  private at: number | undefined

  constructor(
    readonly capacity: number,
    readonly perSecond: number
  ) {
    this.tokens = capacity
  }

  /** Take one token if there is one. */
  take(now: number): boolean {
    this.refill(now)
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Milliseconds until a token is there (0: one is there now). */
  waitMs(now: number): number {
    this.refill(now)
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.perSecond)
  }

  private refill(now: number): void {
    // A wall clock set back refills nothing rather than going negative.
    if (this.at !== undefined && now > this.at) this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) * this.perSecond) / 1000)
    this.at = now
  }
}
