/**
 * The snapshot manager's requests: reads of the selected snapshot into the snapshot store (a
 * reply for a selection that changed meanwhile is dropped), and the admin actions (save, migrate,
 * load), whose outcome the panel shows with its error code. A load brings another town: the
 * observer stream starts over from a full frame, and a past view ends.
 */
import type { SnapshotDiffDto, SnapshotEntry } from '../../../../shared/contract/dto/snapshots'
import type { ShardStatus } from '../../../../shared/contract/dto/shard-status'
import type { Result } from '../../../../shared/result'
import { acceptStatus } from '../../app/shard-sync'
import { formatCount } from '../../components/format'
import { LOADING } from '../../stores/snapshot-store'
import type { Loadable, SnapshotRead, SnapshotReads } from '../../stores/snapshot-store'
import type { Stores } from '../../stores/stores'
import type { SnapshotInvoke } from './snapshot-api'

function loadable<T>(result: Result<T>): Loadable<T> {
  return result.ok ? { state: 'ok', value: result.value } : { state: 'error', error: result.error }
}

export interface SaveOptions {
  gzip: boolean
  label?: string
}

export function createSnapshotCommands(invoke: SnapshotInvoke, stores: Stores) {
  const snapshots = () => stores.snapshots.getState()

  async function listSnapshots(): Promise<boolean> {
    snapshots().setListLoading(true)
    const result = await invoke('snapshot.list', {})
    if (result.ok) snapshots().setList(result.value)
    else snapshots().setListError(result.error)
    return result.ok
  }

  /** One read of the selection; shown only while `name` is still selected. */
  async function read<K extends SnapshotRead>(key: K, name: string, call: () => Promise<Result<unknown>>): Promise<void> {
    snapshots().setRead(key, LOADING)
    const result = await call()
    if (snapshots().selected === name) snapshots().setRead(key, loadable(result) as SnapshotReads[K])
  }

  /** An admin action's reply as the panel's outcome line; the list is read again after a change. */
  async function act<T>(call: Promise<Result<T>>, describe: (value: T) => string): Promise<Result<T>> {
    snapshots().setOutcome(LOADING)
    const result = await call
    snapshots().setOutcome(result.ok ? { state: 'ok', value: describe(result.value) } : { state: 'error', error: result.error })
    if (result.ok) void listSnapshots()
    return result
  }

  /** Select a snapshot and inspect it (the cheap read); validate and preview wait for a click. */
  async function selectSnapshot(name: string | null): Promise<void> {
    snapshots().select(name)
    if (name !== null) await read('inspection', name, () => invoke('snapshot.inspect', { name }))
  }

  return {
    listSnapshots,
    selectSnapshot,
    validateSnapshot: (name: string, strict: boolean) => read('verdict', name, () => invoke('snapshot.validate', { name, strict })),
    previewMigration: (name: string) => read('preview', name, () => invoke('snapshot.migrate-preview', { name })),
    /** The diff of the selection against `other`; dropped if either side changed meanwhile. */
    async diffSnapshots(other: string): Promise<void> {
      const a = snapshots().selected
      if (a === null) return
      snapshots().setCompareWith(other)
      snapshots().setRead('diff', LOADING)
      const result: Result<SnapshotDiffDto> = await invoke('snapshot.diff', { a, b: other })
      if (snapshots().selected === a && snapshots().compareWith === other) snapshots().setRead('diff', loadable(result))
    },
    saveSnapshot: (options: SaveOptions): Promise<Result<SnapshotEntry>> =>
      act(invoke('snapshot.save', options.label ? { gzip: options.gzip, label: options.label } : { gzip: options.gzip }), (entry) => `Saved ${entry.name}`),
    /** Migrates into a new file (the source stays as it was) and selects the new file. */
    async migrateSnapshot(name: string): Promise<Result<SnapshotEntry>> {
      const result = await act(invoke('snapshot.migrate', { name }), (entry) => `Migrated ${name} into ${entry.name}`)
      if (result.ok) void selectSnapshot(result.value.name)
      return result
    },
    async loadSnapshot(name: string): Promise<Result<ShardStatus>> {
      const result = await act(invoke('snapshot.load', { name }), (status) => `Loaded ${name}: the shard is ${status.state} at tick ${formatCount(status.tick)}`)
      if (result.ok) {
        acceptStatus(stores, result.value)
        // Another town: the next observer frame is a full one, and no past tick of the old one applies.
        stores.observer.getState().markStale()
        stores.timeline.getState().goLive()
      }
      return result
    }
  }
}

export type SnapshotCommands = ReturnType<typeof createSnapshotCommands>
