/**
 * Config as the operator sees it: the live config's summary, the files offered by `config.list`
 * and the issues of the last failed load (kept until dismissed or a load succeeds).
 */
import { createStore } from 'zustand/vanilla'
import { ConfigErrorDetailsSchema } from '../../../shared/contract/dto/config-summary'
import type { ConfigFile, ConfigIssue, ConfigSummary } from '../../../shared/contract/dto/config-summary'
import type { LogEntry } from '../../../shared/contract/dto/events'
import type { AppError } from '../../../shared/result'

export interface ConfigLoadError {
  source: string
  message: string
  issues: ConfigIssue[]
}

export interface ConfigSlice {
  summary: ConfigSummary | null
  files: ConfigFile[]
  loadError: ConfigLoadError | null
  /** True while a load is in flight, so the UI can stop a double submit. */
  loading: boolean
  /** Wall-clock ms the live config's summary last arrived (a load, or the first status): per-town lists drop older entries. */
  loadedAt: number | null
}

/**
 * Reads a failed load's error for the config-errors panel: a `config.invalid` error lists its
 * issues; a file that is missing or unreadable becomes one document-level issue. Null for errors
 * that are not about the config (transport, shard), which become generic notices instead. The
 * issues come in line order.
 */
export function configLoadErrorFrom(error: AppError, requestedPath: string): ConfigLoadError | null {
  if (!error.code.startsWith('config.')) return null
  const details = ConfigErrorDetailsSchema.safeParse(error.details)
  if (details.success && details.data.issues.length > 0) {
    return { source: details.data.source, message: error.message, issues: inLineOrder(details.data.issues) }
  }
  const source = details.success ? details.data.source : requestedPath
  return { source, message: error.message, issues: [{ path: '', message: error.message }] }
}

/** A summary line ("… and 12 more problems") closes a list wherever it points. */
const isSummary = (issue: ConfigIssue): boolean => issue.message.startsWith('…')

/**
 * Issues as the file reads, top to bottom: by line, then column; issues with no line (the whole
 * document, a file the config names) after them, and the host's summary lines last.
 */
export function inLineOrder(issues: readonly ConfigIssue[]): ConfigIssue[] {
  const rank = (i: ConfigIssue): number => (isSummary(i) ? 2 : i.line === undefined ? 1 : 0)
  return issues.slice().sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0))
}

/** Issues a failed load's Log line names; the rest are in the config-errors panel. */
export const LOG_ISSUES = 3

/**
 * The Log's line for a failed load: the file and its first issues in line order, or the error
 * when it is not about the file (the shard refused the town, the connection dropped).
 */
export function failedLoadLogEntry(requestedPath: string, error: AppError, loadError: ConfigLoadError | null, at: number): LogEntry {
  if (!loadError) return { level: 'error', source: 'host', message: `config not loaded: ${requestedPath}: ${error.code}: ${error.message}`, at }
  const first = loadError.issues.slice(0, LOG_ISSUES).map((issue) => {
    const where = issue.line === undefined ? '' : ` (line ${issue.line}${issue.col === undefined ? '' : `:${issue.col}`})`
    return `${issue.path || '(document)'}${where}: ${issue.message}`
  })
  const more = loadError.issues.length - first.length
  return { level: 'error', source: 'host', message: `config not loaded: ${loadError.source}: ${first.join('; ')}${more > 0 ? ` (+${more} more in the errors panel)` : ''}`, at }
}

export interface ConfigStore extends ConfigSlice {
  setSummary(summary: ConfigSummary): void
  setFiles(files: ConfigFile[]): void
  setLoadError(error: ConfigLoadError | null): void
  setLoading(loading: boolean): void
}

export function createConfigStore() {
  return createStore<ConfigStore>()((set) => ({
    summary: null,
    files: [],
    loadError: null,
    loading: false,
    loadedAt: null,
    setSummary: (summary) => set({ summary, loadedAt: Date.now() }),
    setFiles: (files) => set({ files }),
    setLoadError: (loadError) => set({ loadError }),
    setLoading: (loading) => set({ loading })
  }))
}

/** Frames repeat the live config every time; only a real change should reach the config store. */
export function sameConfig(a: ConfigSummary | null, b: ConfigSummary): boolean {
  return a !== null && a.sha256 === b.sha256 && a.config_id === b.config_id && a.source === b.source
}
