/**
 * `townlet run --snapshot S` (resume a saved town and run --ticks more) and `--save-snapshot S`
 * (save the town where the run ends). Paths go through the workspace like every other file the
 * command line names; a snapshot that cannot be used is a usage error (exit 2) with its code.
 */
import { basename, dirname, join, resolve } from 'node:path'
import type { LoadedConfig } from '../config/load-config'
import { writeFileAtomic } from '../fs/atomic-write'
import type { Shard, ShardFiles } from '../shard/shard'
import { readSnapshotFile, resumePoint, type ResumePoint } from '../snapshots/load-snapshot'
import { encodeSnapshot } from '../snapshots/snapshot-codec'
import { captureSnapshot } from '../snapshots/snapshot-document'
import { UsageError } from './cli-io'

/** Where --save-snapshot writes: checked before the run, so a long run never ends in a refusal. */
export async function saveSnapshotPath(path: string | undefined, files: ShardFiles): Promise<string | undefined> {
  if (path === undefined) return undefined
  if (!/\.json(\.gz)?$/.test(path)) throw new UsageError(`--save-snapshot ${path}: name a .json or .json.gz file (.gz saves it gzipped)`)
  const folder = await files.workspace.resolve(dirname(resolve(files.base, path)), { base: files.base, what: 'snapshot folder', codes: { notFound: 'snapshot.not_found', unreadable: 'snapshot.invalid' } })
  if (!folder.ok) throw new UsageError(`--save-snapshot ${path}: ${folder.error.message}`)
  return join(folder.value, basename(path))
}

export async function resumeFrom(path: string, loaded: LoadedConfig, files: ShardFiles): Promise<ResumePoint> {
  if (path === '') throw new UsageError('--snapshot needs a file, e.g. --snapshot snapshots/snapshot-1200.json')
  const doc = await readSnapshotFile(path, files)
  if (!doc.ok) throw new UsageError(`--snapshot ${path}: ${doc.error.code}: ${doc.error.message}`)
  const point = resumePoint(doc.value, loaded)
  if (!point.ok) throw new UsageError(`--snapshot ${path}: ${point.error.code}: ${point.error.message}${point.error.code === 'snapshot.config_mismatch' ? ' (pass --config with that config)' : ''}`)
  return point.value
}

export async function saveSnapshot(shard: Shard, path: string): Promise<void> {
  const sim = shard.simulation
  const identity = sim.policy.identity()
  const doc = captureSnapshot(sim.world, sim.lastTickEvents, {
    policy_hash: identity.policy_hash,
    backend: identity.backend,
    provider: identity.execution_provider,
    observation_variant: identity.observation_variant
  })
  await writeFileAtomic(path, encodeSnapshot(doc, { gzip: path.endsWith('.gz') }))
}
