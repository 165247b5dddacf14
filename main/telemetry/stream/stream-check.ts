/**
 * Checks a telemetry stream file line by line (what `townlet telemetry check` reports): each line
 * is either `{stream_offset, message}` as the file transport writes it, or a bare message (stdout,
 * a collector's own log). Bounded everywhere: bytes read, lines, the length of one line, the depth
 * of one value and the problems kept; a line is never echoed. Never throws on any input.
 */
import { snippet } from '../transports/sanitize'
import { judgeMessage } from './stream-compat'

export interface CheckLimits {
  /** Bytes read at most; the rest of a bigger file is not checked (an error: the check is incomplete). */
  maxBytes: number
  maxLines: number
  /** Bytes one line may hold; a longer one is an error and is skipped. */
  maxLineBytes: number
  /** Problems listed at most (all are counted). */
  maxProblems: number
}

export const DEFAULT_CHECK_LIMITS: CheckLimits = { maxBytes: 512 * 1024 * 1024, maxLines: 10_000_000, maxLineBytes: 1024 * 1024, maxProblems: 20 }

/** Nesting deeper than this is refused before any schema walks it (the schemas recurse). */
const MAX_DEPTH = 64

export interface StreamProblem {
  line: number
  level: 'warning' | 'error'
  message: string
}

export interface StreamReport {
  /** No errors (warnings allowed), and the whole file was checked. */
  ok: boolean
  complete: boolean
  bytes: number
  lines: number
  messages: number
  errors: number
  warnings: number
  problems: StreamProblem[]
  /** Messages per kind (kinds from a newer minor version that this townlet does not know count as `unknown`). */
  kinds: Record<string, number>
  versions: Record<string, number>
  /** The file transport's offsets: first, last, and how many are missing between (messages dropped on the way). */
  offsets: { first: number; last: number; missing: number } | null
}

export class StreamChecker {
  private readonly report: StreamReport = { ok: true, complete: true, bytes: 0, lines: 0, messages: 0, errors: 0, warnings: 0, problems: [], kinds: {}, versions: {}, offsets: null }
  private pending: Buffer[] = []
  private pendingBytes = 0
  /** The current line passed maxLineBytes: the rest of it is skipped up to its newline. */
  private overlong = false
  private stopped = false
  private readonly decoder = new TextDecoder('utf-8', { fatal: true })

  constructor(private readonly limits: CheckLimits = DEFAULT_CHECK_LIMITS) {}

  /** Whether more bytes are wanted (false once a bound stopped the check). */
  get wantsMore(): boolean {
    return !this.stopped
  }

  /** The next bytes of the file, in order. */
  push(chunk: Uint8Array): void {
    if (this.stopped) return
    const room = this.limits.maxBytes - this.report.bytes
    const whole = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    const bytes = whole.length > room ? whole.subarray(0, room) : whole
    this.report.bytes += bytes.length
    let start = 0
    for (let nl = bytes.indexOf(10, start); nl !== -1 && !this.stoppedByLines(); nl = bytes.indexOf(10, start)) {
      this.take(bytes.subarray(start, nl))
      this.endLine(true)
      start = nl + 1
    }
    if (start < bytes.length && !this.stoppedByLines()) this.take(bytes.subarray(start))
    // The line cut by the bound is not judged: it would read as cut short, which the file is not.
    if (whole.length > room && !this.stopped) this.stop(this.report.lines + 1, `the check stopped after ${this.limits.maxBytes} bytes (the file is bigger): raise --max-bytes to check it all`)
  }

  /** The end of the file: a last line without its newline is still checked (and named if cut short). */
  end(): StreamReport {
    if (!this.stopped && (this.pendingBytes > 0 || this.overlong)) this.endLine(false)
    const r = this.report
    r.ok = r.errors === 0 && r.complete
    return r
  }

  private stoppedByLines(): boolean {
    if (this.stopped) return true
    if (this.report.lines < this.limits.maxLines) return false
    this.stop(this.report.lines + 1, `the check stopped after ${this.limits.maxLines} lines: raise --max-lines to check them all`)
    return true
  }

  private stop(line: number, message: string): void {
    this.stopped = true
    this.report.complete = false
    this.problem(line, 'error', message)
  }

  private take(part: Buffer): void {
    if (this.overlong) return
    if (this.pendingBytes + part.length > this.limits.maxLineBytes) {
      this.overlong = true
      this.pending = []
      this.pendingBytes = 0
      return
    }
    // Copied: the caller may reuse its read buffer.
    this.pending.push(Buffer.from(part))
    this.pendingBytes += part.length
  }

  private endLine(newline: boolean): void {
    const line = ++this.report.lines
    const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending)
    const overlong = this.overlong
    this.pending = []
    this.pendingBytes = 0
    this.overlong = false
    if (overlong) return this.problem(line, 'error', `the line is longer than ${this.limits.maxLineBytes} bytes: skipped`)
    this.checkLine(line, bytes, newline)
  }

  private checkLine(line: number, bytes: Buffer, newline: boolean): void {
    let text: string
    try {
      text = this.decoder.decode(bytes)
    } catch {
      return this.problem(line, 'error', 'the line is not UTF-8 text')
    }
    if (text.endsWith('\r')) text = text.slice(0, -1)
    if (text.trim() === '') return this.problem(line, 'warning', 'an empty line (a stream has one message a line)')
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      const cut = newline ? '' : ': the last line is cut short (no newline at the end of the file), as when a writer stopped mid-line'
      return this.problem(line, 'error', `the line is not JSON${cut}`)
    }
    if (tooDeep(value)) return this.problem(line, 'error', `the line nests deeper than ${MAX_DEPTH} levels`)
    const message = this.unwrap(line, value)
    if (message === undefined) return
    this.judge(line, message)
  }

  /** A file transport's line gives its message (its offset checked); anything else is a bare message. */
  private unwrap(line: number, value: unknown): unknown {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, 'stream_offset')) return value
    const { stream_offset: offset, message } = value as { stream_offset: unknown; message?: unknown }
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
      this.problem(line, 'error', 'stream_offset is not a whole number ≥ 0')
      return undefined
    }
    if (!Object.hasOwn(value, 'message')) {
      this.problem(line, 'error', 'a line with stream_offset has no message')
      return undefined
    }
    const o = this.report.offsets
    if (o === null) this.report.offsets = { first: offset, last: offset, missing: 0 }
    else if (offset <= o.last) this.problem(line, 'error', `stream_offset ${offset} does not rise (the line before had ${o.last})`)
    else {
      o.missing += offset - o.last - 1
      o.last = offset
    }
    return message
  }

  private judge(line: number, message: unknown): void {
    let verdict
    try {
      verdict = judgeMessage(message)
    } catch {
      return this.problem(line, 'error', 'the message could not be checked')
    }
    if (verdict.version !== null) bump(this.report.versions, verdict.version)
    if (verdict.level === 'ok') {
      this.report.messages++
      bump(this.report.kinds, verdict.kind ?? 'unknown')
      return
    }
    if (verdict.level === 'warning') this.report.messages++
    this.problem(line, verdict.level, verdict.problem)
  }

  private problem(line: number, level: StreamProblem['level'], message: string): void {
    if (level === 'error') this.report.errors++
    else this.report.warnings++
    if (this.report.problems.length < this.limits.maxProblems) this.report.problems.push({ line, level, message: snippet(message, 300).slice(1, -1) })
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (Object.hasOwn(counts, key) ? counts[key]! : 0) + 1
}

/** Deeper than MAX_DEPTH, walked without recursion. */
function tooDeep(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth >= MAX_DEPTH) return true
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}
