/**
 * Bounds admin-token guessing. Each session has a few free failures; after them it waits before
 * its token is looked at again, the wait doubling with each further failure up to a cap. A new
 * session is free to open (a socket reconnects), so a host-wide bucket bounds failed attempts
 * across all sessions too: when it is empty, every attempt waits. Waiting attempts are refused
 * without checking the token, and do not lengthen the wait (a client that retries too early is
 * not locked out for ever).
 */
import { TokenBucket } from './token-bucket'

export interface AuthThrottleOptions {
  /** Failures a session may have before it waits (5). */
  freeFailures?: number
  /** The first wait (1 s); each further failure doubles it. */
  baseDelayMs?: number
  /** The longest wait (5 min). */
  maxDelayMs?: number
  /** Failed attempts across all sessions: burst (20) and rate per second (10). */
  hostBurst?: number
  hostPerSecond?: number
  /** Sessions remembered, the least recently failing forgotten first (the host-wide bound still holds). */
  maxSessions?: number
}

interface SessionFailures {
  failures: number
  notBefore: number
  delay: number
}

export class AuthThrottle {
  private readonly sessions = new Map<string, SessionFailures>()
  private readonly host: TokenBucket
  private readonly free: number
  private readonly base: number
  private readonly max: number
  private readonly maxSessions: number

  constructor(options: AuthThrottleOptions = {}) {
    this.free = options.freeFailures ?? 5
    this.base = options.baseDelayMs ?? 1000
    this.max = options.maxDelayMs ?? 5 * 60_000
    this.maxSessions = options.maxSessions ?? 4096
    this.host = new TokenBucket(options.hostBurst ?? 20, options.hostPerSecond ?? 10)
  }

  /** How long this session must wait before its token may be checked (0: check it now), and why. */
  wait(session: string, now: number): { ms: number; scope: 'session' | 'host' } {
    const own = this.sessions.get(session)
    // min(): a wall clock set back does not stretch the wait beyond what was imposed.
    const sessionMs = own && own.notBefore > now ? Math.min(own.notBefore - now, own.delay) : 0
    const hostMs = this.host.waitMs(now)
    return sessionMs >= hostMs ? { ms: sessionMs, scope: 'session' } : { ms: hostMs, scope: 'host' }
  }

  /** A wrong token was checked: the session's failures so far and how long its next attempt waits. */
  failed(session: string, now: number): { failures: number; waitMs: number } {
    this.host.take(now)
    const own = this.sessions.get(session) ?? { failures: 0, notBefore: 0, delay: 0 }
    own.failures += 1
    own.delay = own.failures < this.free ? 0 : Math.min(this.max, this.base * 2 ** Math.min(own.failures - this.free, 30))
    own.notBefore = now + own.delay
    this.sessions.delete(session)
    this.sessions.set(session, own)
    if (this.sessions.size > this.maxSessions) this.sessions.delete(this.sessions.keys().next().value as string)
    return { failures: own.failures, waitMs: own.delay }
  }

  /** The right token: the session starts afresh. */
  succeeded(session: string): void {
    this.sessions.delete(session)
  }
}
