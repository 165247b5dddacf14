/**
 * Config as the operator sees it: the live config's summary, the files offered by `config.list`
 * and the issues of the last failed load (kept until dismissed or a load succeeds).
 */
import { createStore } from 'zustand/vanilla'
import { ConfigErrorDetailsSchema } from '../../../shared/contract/dto/config-summary'
import type { ConfigFile, ConfigIssue, ConfigSummary } from '../../../shared/contract/dto/config-summary'
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
 * that are not about the config (transport, shard), which become generic notices instead.
 */
export function configLoadErrorFrom(error: AppError, requestedPath: string): ConfigLoadError | null {
  if (!error.code.startsWith('config.')) return null
  const details = ConfigErrorDetailsSchema.safeParse(error.details)
  if (details.success && details.data.issues.length > 0) {
    return { source: details.data.source, message: error.message, issues: details.data.issues }
  }
  const source = details.success ? details.data.source : requestedPath
  return { source, message: error.message, issues: [{ path: '', message: error.message }] }
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
