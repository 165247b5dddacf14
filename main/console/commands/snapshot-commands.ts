/**
 * The runs of the snapshot manager's commands (descriptors:
 * shared/contract/console-commands/snapshot-commands.ts). Files are named inside the storage root (snapshot.storage.root) and read
 * and written by the shard off the tick, so each is answered `queued` and its final result
 * follows; a refused load leaves the town as it was (see main/shard/shard-snapshots.ts).
 */
import type { CommandOutcome, SnapshotControl } from '../command'
import { later, refuse, type CommandRun } from '../command'

function withSnapshots(snapshots: SnapshotControl | undefined, run: (s: SnapshotControl) => CommandOutcome): CommandOutcome {
  if (!snapshots) return refuse('shard.not_ready', 'no snapshot store is attached to this world (it runs inside a shard)')
  return run(snapshots)
}

export const snapshotSaveRun: CommandRun<'snapshot_save'> = ({ snapshots }, args) => {
  return withSnapshots(snapshots, (s) => later(s.save(args)))
}

export const snapshotListRun: CommandRun<'snapshot_list'> = ({ snapshots }) => {
  return withSnapshots(snapshots, (s) => later(s.list()))
}

export const snapshotInspectRun: CommandRun<'snapshot_inspect'> = ({ snapshots }, { name }) => {
  return withSnapshots(snapshots, (s) => later(s.inspect(name)))
}

export const snapshotValidateRun: CommandRun<'snapshot_validate'> = ({ snapshots }, { name, strict }) => {
  return withSnapshots(snapshots, (s) => later(s.validate(name, strict === true)))
}

export const snapshotMigrateRun: CommandRun<'snapshot_migrate'> = ({ snapshots }, { name, output, dry_run }) => {
  return withSnapshots(snapshots, (s) => later(dry_run === true ? s.preview(name) : s.migrate(name, output)))
}

export const snapshotLoadRun: CommandRun<'snapshot_load'> = ({ snapshots }, { name }) => {
  return withSnapshots(snapshots, (s) => later(s.load(name)))
}

export const snapshotDiffRun: CommandRun<'snapshot_diff'> = ({ snapshots }, { a, b }) => {
  return withSnapshots(snapshots, (s) => later(s.diff(a, b)))
}
