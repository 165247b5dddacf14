/**
 * Bounds the audit lines viewer sessions can cause (a viewer sending `help` in a loop wrote
 * 31 MB in 4 s). Each viewer session has a token bucket, and all viewers together another one,
 * so opening more sockets does not multiply the rate by much; past them, lines are counted
 * instead of written, and one summary per session per interval says how many, of which commands
 * or channels. Admin lines never come here: they are always written.
 */
import { TokenBucket } from './token-bucket'

export interface AuditThrottleOptions {
  /** Per viewer session: burst (100) and lines per second (20). */
  burst?: number
  perSecond?: number
  /** All viewer sessions together: burst (500) and lines per second (50). */
  hostBurst?: number
  hostPerSecond?: number
  /** At most one summary per session this often (10 s). */
  intervalMs?: number
  /** Viewer sessions remembered (1024); a forgotten one's count is folded into the summary of many sessions. */
  maxSessions?: number
}

/** What one session (or, folded together, many) had suppressed, for a summary line. */
export interface Suppressed {
  issuer: string
  count: number
  by: Record<string, number>
  since: number
  /** Set on the folded summary: how many sessions it covers. */
  sessions?: number
}

interface Counts {
  count: number
  by: Map<string, number>
  since: number
}

interface ViewerState extends Counts {
  bucket: TokenBucket
}

/** Distinct command or channel names counted in one summary; the rest add to `(other)` (names are client-chosen). */
const MAX_KEYS = 32
const MAX_KEY_CHARS = 64
/**
 * Summary lines themselves are bounded: a client opening a fresh session per request would
 * otherwise turn each suppressed line into a summary line. Past this budget (32 at once, 32 per
 * 10 s), sessions' counts are folded into one summary for all of them.
 */
const SUMMARY_BURST = 32
const SUMMARIES_PER_SECOND = 3.2
/** Distinct sessions a folded summary counts (past it, `sessions` stays at this). */
const MAX_FOLDED_SESSIONS = 10_000
/** The issuer of the folded summary. */
export const FOLDED_ISSUER = '(other viewer sessions)'

export class AuditThrottle {
  private readonly sessions = new Map<string, ViewerState>()
  /** Sessions with a count, in the order their count began (so the first due is first). */
  private readonly pending = new Map<string, ViewerState>()
  private readonly all: TokenBucket
  private readonly summaries = new TokenBucket(SUMMARY_BURST, SUMMARIES_PER_SECOND)
  private folded: Counts & { sessions: Set<string> } = { count: 0, by: new Map(), since: 0, sessions: new Set() }
  private readonly burst: number
  private readonly perSecond: number
  private readonly intervalMs: number
  private readonly maxSessions: number

  constructor(options: AuditThrottleOptions = {}) {
    this.burst = options.burst ?? 100
    this.perSecond = options.perSecond ?? 20
    this.intervalMs = options.intervalMs ?? 10_000
    this.maxSessions = options.maxSessions ?? 1024
    this.all = new TokenBucket(options.hostBurst ?? 500, options.hostPerSecond ?? 50)
  }

  /** May this viewer's line (of command or channel `key`) be written? `due`: summaries to write first. */
  admit(issuer: string, key: string, now: number): { write: boolean; due: Suppressed[] } {
    const due = this.due(now)
    const state = this.state(issuer, now)
    if (state.bucket.take(now) && this.all.take(now)) return { write: true, due }
    if (state.count === 0) {
      state.since = now
      this.pending.set(issuer, state)
    }
    count(state, key, 1)
    return { write: false, due }
  }

  /** Summaries whose interval has passed. */
  due(now: number): Suppressed[] {
    const out: Suppressed[] = []
    for (const [issuer, state] of this.pending) {
      if (now - state.since < this.intervalMs) break
      if (this.summaries.take(now)) out.push(this.summarise(issuer, state))
      else this.fold(issuer, state)
    }
    if (this.folded.count > 0 && now - this.folded.since >= this.intervalMs) out.push(this.summariseFolded())
    return out
  }

  /** Every summary still held (the host stops), within the same budget. */
  drain(now: number): Suppressed[] {
    const out: Suppressed[] = []
    for (const [issuer, state] of this.pending) {
      if (this.summaries.take(now)) out.push(this.summarise(issuer, state))
      else this.fold(issuer, state)
    }
    if (this.folded.count > 0) out.push(this.summariseFolded())
    return out
  }

  private state(issuer: string, now: number): ViewerState {
    let state = this.sessions.get(issuer)
    if (state) this.sessions.delete(issuer)
    else state = { bucket: new TokenBucket(this.burst, this.perSecond), count: 0, by: new Map(), since: now }
    this.sessions.set(issuer, state)
    if (this.sessions.size > this.maxSessions) {
      const [oldest, old] = this.sessions.entries().next().value as [string, ViewerState]
      this.sessions.delete(oldest)
      if (old.count > 0) this.fold(oldest, old)
    }
    return state
  }

  private summarise(issuer: string, state: ViewerState): Suppressed {
    const summary = { issuer, count: state.count, by: Object.fromEntries(state.by), since: state.since }
    reset(state)
    this.pending.delete(issuer)
    return summary
  }

  /** Add a session's counts to the folded summary instead of a line of its own. */
  private fold(issuer: string, state: ViewerState): void {
    if (this.folded.count === 0) this.folded.since = state.since
    for (const [key, n] of state.by) count(this.folded, key, n)
    // Distinct sessions are counted up to a bound (the set must not grow with a flood).
    if (this.folded.sessions.size < MAX_FOLDED_SESSIONS) this.folded.sessions.add(issuer)
    reset(state)
    this.pending.delete(issuer)
  }

  private summariseFolded(): Suppressed {
    const f = this.folded
    this.folded = { count: 0, by: new Map(), since: 0, sessions: new Set() }
    return { issuer: FOLDED_ISSUER, count: f.count, by: Object.fromEntries(f.by), since: f.since, sessions: f.sessions.size }
  }
}

function count(counts: Counts, key: string, n: number): void {
  counts.count += n
  const name = key.slice(0, MAX_KEY_CHARS)
  const counted = counts.by.has(name) || counts.by.size < MAX_KEYS ? name : '(other)'
  counts.by.set(counted, (counts.by.get(counted) ?? 0) + n)
}

function reset(counts: Counts): void {
  counts.count = 0
  counts.by.clear()
}
