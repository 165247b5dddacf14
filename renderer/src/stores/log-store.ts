import { createStore } from 'zustand/vanilla'
import type { LogEntry } from '../../../shared/contract/dto/events'

/** Enough to see what just happened; the full log lives on the host side. */
export const MAX_LOG_ENTRIES = 200

export function appendLog(entries: readonly LogEntry[], entry: LogEntry, max = MAX_LOG_ENTRIES): LogEntry[] {
  const next = entries.length >= max ? entries.slice(entries.length - max + 1) : entries.slice()
  next.push(entry)
  return next
}

export interface LogStore {
  entries: LogEntry[]
  append(entry: LogEntry): void
}

export function createLogStore() {
  return createStore<LogStore>()((set) => ({
    entries: [],
    append: (entry) => set((s) => ({ entries: appendLog(s.entries, entry) }))
  }))
}
