/**
 * The log lines this page shows: those the host broadcasts (`log.entry`), lines the page writes
 * itself (`append`), and, for a page that joins late, the host's recent lines (`seed`) merged in
 * by time without repeating a line that arrived live meanwhile.
 */
import { createStore } from 'zustand/vanilla'
import type { LogEntry } from '../../../shared/contract/dto/events'

/** Enough to see what just happened; the full log lives on the host side. */
export const MAX_LOG_ENTRIES = 200

export function appendLog(entries: readonly LogEntry[], entry: LogEntry, max = MAX_LOG_ENTRIES): LogEntry[] {
  const next = entries.length >= max ? entries.slice(entries.length - max + 1) : entries.slice()
  next.push(entry)
  return next
}

/** What one line is known by: the host stamps each with its time, so a repeat has the same key. */
function logKey(entry: LogEntry): string {
  return `${entry.at}\u0000${entry.source}\u0000${entry.level}\u0000${entry.message}`
}

/**
 * The entries with the host's recent lines merged in, oldest first by time (lines of one moment
 * keep their order), each line once, cut to the newest `max`.
 */
export function seedLog(entries: readonly LogEntry[], seeded: readonly LogEntry[], max = MAX_LOG_ENTRIES): LogEntry[] {
  if (seeded.length === 0) return entries.slice()
  const seen = new Set(entries.map(logKey))
  const added = seeded.filter((e) => {
    const key = logKey(e)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  // A stable sort: the host's lines first within one millisecond, as they were sent before.
  const merged = [...added, ...entries].sort((a, b) => a.at - b.at)
  return merged.length > max ? merged.slice(merged.length - max) : merged
}

export interface LogStore {
  entries: LogEntry[]
  append(entry: LogEntry): void
  /** The host's recent lines for a page that joins late (`session.history`). */
  seed(entries: readonly LogEntry[]): void
}

export function createLogStore() {
  return createStore<LogStore>()((set) => ({
    entries: [],
    append: (entry) => set((s) => ({ entries: appendLog(s.entries, entry) })),
    seed: (entries) => set((s) => ({ entries: seedLog(s.entries, entries) }))
  }))
}
