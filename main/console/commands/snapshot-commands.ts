/**
 * The snapshot manager from the console: `snapshot_save`, `snapshot_list`, `snapshot_inspect`,
 * `snapshot_validate [--strict]`, `snapshot_migrate --output DIR` (admin), `snapshot_load`
 * (admin, destructive: it replaces the town, so a retry with its cmd_id never loads twice) and
 * `snapshot_diff A B`. Files are named inside the storage root (snapshot.storage.root) and read
 * and written by the shard off the tick, so each is answered `queued` and its final result
 * follows; a refused load leaves the town as it was (see main/shard/shard-snapshots.ts).
 */
import { z } from 'zod'
import { SnapshotNameSchema } from '../../../shared/contract/dto/snapshots'
import type { AnyCommand, CommandOutcome, SnapshotControl } from '../command'
import { defineCommand, later, refuse } from '../command'

const nameArg = (help: string) => SnapshotNameSchema.describe(help)

/** A folder inside the workspace, relative to the working folder; the store refuses one outside it. */
const folderArg = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => !p.includes('\0'), 'the folder name contains a NUL character')
  .describe('folder (inside the workspace) for the migrated file; default the storage root')

function withSnapshots(snapshots: SnapshotControl | undefined, run: (s: SnapshotControl) => CommandOutcome): CommandOutcome {
  if (!snapshots) return refuse('shard.not_ready', 'no snapshot store is attached to this world (it runs inside a shard)')
  return run(snapshots)
}

export const snapshotSaveCommand = defineCommand({
  name: 'snapshot_save',
  role: 'admin',
  destructive: false,
  help: 'Save the running town now into the storage root (atomically): world, policy runtime, console and telemetry, with its identity and RNG fingerprints.',
  args: z
    .object({
      gzip: z.boolean().optional().describe('save it gzipped (.json.gz)'),
      label: z.string().min(1).max(80).optional().describe('a word carried in the file name (letters, digits, _ and -)')
    })
    .strict(),
  run({ snapshots }, args) {
    return withSnapshots(snapshots, (s) => later(s.save(args)))
  }
})

export const snapshotListCommand = defineCommand({
  name: 'snapshot_list',
  role: 'viewer',
  destructive: false,
  help: 'The snapshots in the storage root, newest first: tick, config_id, policy hash, schema, size, age and integrity.',
  args: z.object({}).strict(),
  run({ snapshots }) {
    return withSnapshots(snapshots, (s) => later(s.list()))
  }
})

export const snapshotInspectCommand = defineCommand({
  name: 'snapshot_inspect',
  role: 'viewer',
  destructive: false,
  help: "One snapshot's identity (RNG fingerprints included), checksum, applied migrations and counts.",
  args: z.object({ name: nameArg('the snapshot file in the storage root') }).strict(),
  run({ snapshots }, { name }) {
    return withSnapshots(snapshots, (s) => later(s.inspect(name)))
  }
})

export const snapshotValidateCommand = defineCommand({
  name: 'snapshot_validate',
  role: 'viewer',
  destructive: false,
  help: 'Whether a snapshot loads into the running config: ok, warn or refused, with the coded reasons and the migrations it needs.',
  args: z.object({ name: nameArg('the snapshot file in the storage root'), strict: z.boolean().optional().describe('a warning refuses too') }).strict(),
  run({ snapshots }, { name, strict }) {
    return withSnapshots(snapshots, (s) => later(s.validate(name, strict === true)))
  }
})

export const snapshotMigrateCommand = defineCommand({
  name: 'snapshot_migrate',
  role: 'admin',
  destructive: false,
  help: 'Migrate a snapshot (or import a legacy one) to the running config into a new file; the source is never modified. dry_run shows the chain, each step and the diff, and writes nothing.',
  args: z
    .object({
      name: nameArg('the snapshot file in the storage root'),
      output: folderArg.optional(),
      dry_run: z.boolean().optional().describe('show the chain and the diff only; write nothing')
    })
    .strict(),
  run({ snapshots }, { name, output, dry_run }) {
    return withSnapshots(snapshots, (s) => later(dry_run === true ? s.preview(name) : s.migrate(name, output)))
  }
})

export const snapshotLoadCommand = defineCommand({
  name: 'snapshot_load',
  role: 'admin',
  destructive: true,
  help: 'Load a snapshot into the running shard, paused first; the guardrails of the running config apply, and a refused load leaves the town exactly as it was.',
  args: z.object({ name: nameArg('the snapshot file in the storage root') }).strict(),
  run({ snapshots }, { name }) {
    return withSnapshots(snapshots, (s) => later(s.load(name)))
  }
})

export const snapshotDiffCommand = defineCommand({
  name: 'snapshot_diff',
  role: 'viewer',
  destructive: false,
  help: 'What differs between two snapshots, per section (agents, economy, relationships …): counts and the first examples.',
  args: z.object({ a: nameArg('the first snapshot file'), b: nameArg('the second snapshot file') }).strict(),
  run({ snapshots }, { a, b }) {
    return withSnapshots(snapshots, (s) => later(s.diff(a, b)))
  }
})

export const SNAPSHOT_COMMANDS = [
  snapshotSaveCommand,
  snapshotListCommand,
  snapshotInspectCommand,
  snapshotValidateCommand,
  snapshotMigrateCommand,
  snapshotLoadCommand,
  snapshotDiffCommand
] as AnyCommand[]
