/**
 * Reads a PPO log and its rotations (LOG, LOG.1, LOG.2 …, oldest first: rotated-files.ts) as
 * batches of events: records, problems with file and line, and file boundaries. Streaming and
 * bounded: lines are read in chunks and handed on, never kept; a line longer than the bound is
 * skipped; reading stops past `maxBytes` when not following.
 *
 * Follow mode tails the newest file, polling every interval: a line still being written (no
 * newline yet) is waited for, a file that does not exist yet is waited for, and when the producer
 * rotates (LOG.k+1 appears while LOG.k has nothing half-written) reading moves on to it. It ends
 * when the signal aborts.
 *
 * `log_stream_offset` counts epochs across rotations and cycles, so it must rise from record to
 * record, skipping when the producer logs every k-th epoch; one that falls is a warning (the
 * original producer appends, so a trainer restarted on the same path starts counting again).
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { parseJsonLine } from './json-line'
import { LineSource, type SourceLine } from './line-source'
import { type PpoLogLimits } from './ppo-log-limits'
import { locate, rotationName, type LogFiles } from './rotated-files'

export type LogEvent =
  | { kind: 'record'; file: string; line: number; record: Record<string, unknown> }
  /** A line as text, when reading with `text: true` (health logs are not JSON). */
  | { kind: 'text'; file: string; line: number; text: string }
  | { kind: 'problem'; level: 'error' | 'warning'; file: string; line: number | null; message: string }
  | { kind: 'file'; phase: 'start' | 'end'; file: string; lines: number }

export interface ReadOptions {
  /** Tail the log until the signal aborts. */
  follow?: { intervalMs: number; signal: AbortSignal }
  /**
   * A last line cut short (no newline, not whole JSON) at the end of a finished read: an error
   * for the validator (the file is incomplete), a warning elsewhere (the trainer may be writing it).
   */
  cutShort: 'error' | 'warning'
  /** Hand lines on as text instead of parsing them as JSON records. */
  text?: boolean
}

/** Bytes asked for in one pull: enough to amortise the read, small enough to keep batches short. */
const PULL_BYTES = 1024 * 1024

export async function* readPpoLog(files: LogFiles, log: string, limits: PpoLogLimits, options: ReadOptions): AsyncGenerator<LogEvent[]> {
  const follow = options.follow
  const offsets = new OffsetCheck()
  let total = 0
  for (let index = 0; index <= limits.maxRotations; index++) {
    const name = rotationName(log, index)
    let located = await locate(files, name)
    // Follow mode waits for the log to appear, as the original watcher does.
    while (!located.ok && located.missing && index === 0 && follow && !follow.signal.aborted) {
      await pause(follow)
      located = await locate(files, name)
    }
    if (!located.ok) {
      if (located.missing && index > 0) return
      if (follow?.signal.aborted) return
      yield [problem('error', name, null, located.message)]
      return
    }
    const opened = await LineSource.open(located.path, limits.maxLineBytes)
    if (!opened.ok) {
      yield [problem('error', name, null, opened.message)]
      return
    }
    const source = opened.source
    try {
      yield [{ kind: 'file', phase: 'start', file: name, lines: 0 }]
      for (;;) {
        const budget = follow ? PULL_BYTES : Math.min(PULL_BYTES, limits.maxBytes - total)
        let pulled
        try {
          pulled = await source.pull(budget)
        } catch (e) {
          yield [problem('error', name, source.nextLine, `reading failed after ${source.offset} bytes (${(e as NodeJS.ErrnoException).code ?? 'error'})`)]
          return
        }
        total += pulled.bytes
        const events = pulled.lines.flatMap((l) => toEvents(name, l, offsets, limits, options.text === true))
        if (events.length > 0) yield events
        if (!pulled.atEnd) {
          if (!follow && total >= limits.maxBytes) {
            yield [problem('error', name, source.nextLine, `stopped after reading ${total} bytes, the most allowed (--max-bytes ${limits.maxBytes}): the rest of the log was not read`)]
            return
          }
          continue
        }
        if (follow) {
          if (follow.signal.aborted) return
          // Rotation: the producer closed this file and went on in the next one.
          if (source.heldBytes === 0 && (await locate(files, rotationName(log, index + 1))).ok) break
          await pause(follow)
          continue
        }
        const held = source.takeHeld()
        if (held) yield heldEvents(name, held, offsets, limits, options)
        break
      }
      yield [{ kind: 'file', phase: 'end', file: name, lines: source.nextLine - 1 }]
    } finally {
      await source.close()
    }
  }
  yield [problem('warning', log, null, `more than ${limits.maxRotations} rotated files: the rest were not read`)]
}

async function pause(follow: NonNullable<ReadOptions['follow']>): Promise<void> {
  await sleep(follow.intervalMs, undefined, { signal: follow.signal }).catch(() => undefined)
}

function problem(level: 'error' | 'warning', file: string, line: number | null, message: string): LogEvent {
  return { kind: 'problem', level, file, line, message }
}

function toEvents(file: string, l: SourceLine, offsets: OffsetCheck, limits: PpoLogLimits, text: boolean): LogEvent[] {
  if (l.kind === 'too_long') return [problem('error', file, l.line, `longer than ${limits.maxLineBytes} bytes (--max-line-bytes): skipped`)]
  if (l.kind === 'not_utf8') return [problem('error', file, l.line, 'not UTF-8 text')]
  // Blank lines are skipped, as the original tools skip them.
  if (l.text.trim() === '') return []
  if (text) return [{ kind: 'text', file, line: l.line, text: l.text }]
  const parsed = parseJsonLine(l.text)
  if (!parsed.ok) return [problem('error', file, l.line, parsed.message)]
  const record: LogEvent = { kind: 'record', file, line: l.line, record: parsed.value }
  const warning = offsets.check(file, l.line, parsed.value)
  return warning ? [warning, record] : [record]
}

/** The last line of a finished file with no newline: a record when it is whole JSON, else cut short. */
function heldEvents(file: string, l: SourceLine, offsets: OffsetCheck, limits: PpoLogLimits, options: ReadOptions): LogEvent[] {
  const text = options.text === true
  if (!text && l.kind === 'line' && l.text.trim() !== '' && !parseJsonLine(l.text).ok) {
    return [problem(options.cutShort, file, l.line, 'the last line is cut short (no newline, not whole JSON): if the trainer is still writing, read the log again when it is done, or use --follow')]
  }
  return toEvents(file, l, offsets, limits, text)
}

/** log_stream_offset must rise; a record that breaks the rule is still returned, after a warning. */
class OffsetCheck {
  private last: { value: number; file: string; line: number } | null = null

  check(file: string, line: number, record: Record<string, unknown>): LogEvent | null {
    const value = record.log_stream_offset
    if (typeof value !== 'number' || !Number.isFinite(value)) return null
    const previous = this.last
    this.last = { value, file, line }
    if (previous === null || value > previous.value) return null
    return problem('warning', file, line, `log_stream_offset ${value} does not rise (${previous.value} at ${previous.file}:${previous.line}): a trainer restarted on the same log, or files out of order`)
  }
}
