/**
 * The snapshot manager's store: the list of saved snapshots, which one is selected (and which a
 * diff compares it with), and the latest answer of each read on the selection. Replies for a
 * snapshot that is no longer selected are dropped by the commands, so a slow inspect never
 * shows under another name.
 */
import { createStore } from 'zustand/vanilla'
import type { MigrationPreview, SnapshotDiffDto, SnapshotInspection, SnapshotList, SnapshotVerdict } from '../../../shared/contract/dto/snapshots'
import type { AppError } from '../../../shared/result'

/** One request's state, as a panel shows it. */
export type Loadable<T> = { state: 'idle' } | { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; error: AppError }

export const IDLE: Loadable<never> = { state: 'idle' }
export const LOADING: Loadable<never> = { state: 'loading' }

export interface SnapshotReads {
  inspection: Loadable<SnapshotInspection>
  verdict: Loadable<SnapshotVerdict>
  preview: Loadable<MigrationPreview>
  diff: Loadable<SnapshotDiffDto>
}

export type SnapshotRead = keyof SnapshotReads

export interface SnapshotSlice extends SnapshotReads {
  list: SnapshotList | null
  listLoading: boolean
  listError: AppError | null
  selected: string | null
  /** The second snapshot of a diff. */
  compareWith: string | null
  /** The last admin action (save, load, migrate), in words, or its error. */
  outcome: Loadable<string>
}

export interface SnapshotStore extends SnapshotSlice {
  setListLoading(loading: boolean): void
  setList(list: SnapshotList): void
  setListError(error: AppError): void
  /** Selects a snapshot (null: none); every read of the previous selection is forgotten. */
  select(name: string | null): void
  setCompareWith(name: string | null): void
  setRead<K extends SnapshotRead>(read: K, value: SnapshotReads[K]): void
  setOutcome(outcome: Loadable<string>): void
}

const NO_READS: SnapshotReads = { inspection: IDLE, verdict: IDLE, preview: IDLE, diff: IDLE }

export function createSnapshotStore() {
  return createStore<SnapshotStore>()((set) => ({
    list: null,
    listLoading: false,
    listError: null,
    selected: null,
    compareWith: null,
    outcome: IDLE,
    ...NO_READS,
    setListLoading: (listLoading) => set({ listLoading }),
    setList: (list) =>
      set((s) => {
        // A selection whose file went away (deleted, rotated out by autosave) is dropped.
        const names = new Set(list.snapshots.map((e) => e.name))
        const selected = s.selected !== null && names.has(s.selected) ? s.selected : null
        const compareWith = s.compareWith !== null && names.has(s.compareWith) ? s.compareWith : null
        const reads = selected === s.selected ? {} : NO_READS
        return { list, listLoading: false, listError: null, selected, compareWith, ...reads, diff: compareWith === s.compareWith ? s.diff : IDLE }
      }),
    setListError: (listError) => set({ listError, listLoading: false }),
    select: (name) => set((s) => (s.selected === name ? s : { selected: name, compareWith: s.compareWith === name ? null : s.compareWith, ...NO_READS })),
    setCompareWith: (compareWith) => set((s) => (s.compareWith === compareWith ? s : { compareWith, diff: IDLE })),
    setRead: (read, value) => set({ [read]: value } as Partial<SnapshotSlice>),
    setOutcome: (outcome) => set({ outcome })
  }))
}
