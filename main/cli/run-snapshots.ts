/**
 * `townlet run --snapshot S` (resume a saved town and run --ticks more) and `--save-snapshot S`
 * (save the town where the run ends). Paths go through the workspace like every other file the
 * command line names; a snapshot that cannot be used is a usage error (exit 2) with its code.
 *
 * A snapshot holds the world, the last tick's events and the runtime beside the world (the policy
 * runtime, the console's queued ops and router, the telemetry hub: main/shard/shard-state-json.ts),
 * so a resumed run carries on exactly where the saved one stopped. Both ways go through the
 * Shard's own snapshot state (ShardSnapshots.capture / restoreRuntime): nothing is kept beside it.
 */
import { basename, dirname, join, resolve } from 'node:path'
import type { LoadedConfig } from '../config/load-config'
import { writeFileAtomic } from '../fs/atomic-write'
import type { Shard, ShardFiles } from '../shard/shard'
import { readSnapshotFile, resumePoint, type ResumePoint } from '../snapshots/load-snapshot'
import { encodeSnapshot } from '../snapshots/snapshot-codec'
import type { SnapshotDocument } from '../snapshots/snapshot-document'
import { UsageError } from './cli-io'

/** Where --save-snapshot writes: checked before the run, so a long run never ends in a refusal. */
export async function saveSnapshotPath(path: string | undefined, files: ShardFiles): Promise<string | undefined> {
  if (path === undefined) return undefined
  if (!/\.json(\.gz)?$/.test(path)) throw new UsageError(`--save-snapshot ${path}: name a .json or .json.gz file (.gz saves it gzipped)`)
  const folder = await files.workspace.resolve(dirname(resolve(files.base, path)), { base: files.base, what: 'snapshot folder', codes: { notFound: 'snapshot.not_found', unreadable: 'snapshot.invalid' } })
  if (!folder.ok) throw new UsageError(`--save-snapshot ${path}: ${folder.error.message}`)
  return join(folder.value, basename(path))
}

/** The document `--snapshot S` names, read and checked (its config is chosen from its identity next). */
export async function readResumeDocument(path: string, files: ShardFiles): Promise<SnapshotDocument> {
  if (path === '') throw new UsageError('--snapshot needs a file, e.g. --snapshot snapshots/snapshot-1200.json')
  const doc = await readSnapshotFile(path, files)
  if (!doc.ok) throw new UsageError(`--snapshot ${path}: ${doc.error.code}: ${doc.error.message}`)
  return doc.value
}

/** The guardrails against the config that will run it, then the world restored into its town. */
export function resumeFrom(path: string, doc: SnapshotDocument, loaded: LoadedConfig): ResumePoint {
  const point = resumePoint(doc, loaded)
  if (!point.ok) throw new UsageError(`--snapshot ${path}: ${point.error.code}: ${point.error.message}${point.error.code === 'snapshot.config_mismatch' ? ' (pass --config with that config)' : ''}`)
  return point.value
}

/**
 * The saved runtime blocks (policy runtime, console, telemetry hub) into a shard built with the
 * resume point, through the Shard's own restore (the one a snapshot load in the app goes
 * through): its telemetry hub and console router become the restored ones, so a drill on the
 * resumed run sees the saved cmd_ids and the next save carries the hub on. Call once the policy
 * is attached (the saved runtime replaces what attaching set up) and before the first tick.
 */
export function restoreRunRuntime(shard: Shard, resume: ResumePoint): void {
  const restored = shard.snapshots.restoreRuntime(resume.doc)
  if (!restored.ok) throw new UsageError(`--snapshot: ${restored.error.code}: ${restored.error.message}`)
}

/**
 * The shard's snapshot document where the run ends: the same document a save in the app writes
 * into the storage root (world, runtime blocks, identity). Encode it before the next tick.
 */
export async function captureRunSnapshot(shard: Shard): Promise<SnapshotDocument> {
  const doc = await shard.snapshots.capture({ forEncoding: true })
  // A run captures between its chunks, so no tick is in flight: a refusal here is a bug.
  if (!doc.ok) throw new Error(`the snapshot could not be captured: ${doc.error.code}: ${doc.error.message}`)
  return doc.value
}

/** `doc` to `path`, atomically (a temporary file, fsync, rename); gzipped for a `.gz` name. */
export async function writeRunSnapshot(path: string, doc: SnapshotDocument): Promise<void> {
  await writeFileAtomic(path, encodeSnapshot(doc, { gzip: path.endsWith('.gz') }))
}
