/**
 * The snapshot manager from the console: `snapshot_save`, `snapshot_list`, `snapshot_inspect`,
 * `snapshot_validate`, `snapshot_migrate` (admin), `snapshot_load` (admin, destructive: it
 * replaces the town, so a retry with its cmd_id never loads twice) and `snapshot_diff`. Files are
 * named inside the storage root (snapshot.storage.root); the shard reads and writes them off the
 * tick, so each is answered `queued` and its final result follows.
 */
import { z } from 'zod'
import { SnapshotNameSchema } from '../dto/snapshots'
import { defineDescriptor } from './descriptor'

const nameArg = (help: string) => SnapshotNameSchema.describe(help)

/** A folder inside the workspace, relative to the working folder; the store refuses one outside it. */
const folderArg = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => !p.includes('\0'), 'the folder name contains a NUL character')
  .describe('folder (inside the workspace) for the migrated file; default the storage root')

export const snapshotSaveDescriptor = defineDescriptor({
  name: 'snapshot_save',
  role: 'admin',
  destructive: false,
  help: 'Save the running town now into the storage root (atomically): world, policy runtime, console and telemetry, with its identity and RNG fingerprints.',
  args: z
    .object({
      gzip: z.boolean().optional().describe('save it gzipped (.json.gz)'),
      label: z.string().min(1).max(80).optional().describe('a word carried in the file name (letters, digits, _ and -)')
    })
    .strict()
})

export const snapshotListDescriptor = defineDescriptor({
  name: 'snapshot_list',
  role: 'viewer',
  destructive: false,
  help: 'The snapshots in the storage root, newest first: tick, config_id, policy hash, schema, size, age and integrity.',
  args: z.object({}).strict()
})

export const snapshotInspectDescriptor = defineDescriptor({
  name: 'snapshot_inspect',
  role: 'viewer',
  destructive: false,
  help: "One snapshot's identity (RNG fingerprints included), checksum, applied migrations and counts.",
  args: z.object({ name: nameArg('the snapshot file in the storage root') }).strict()
})

export const snapshotValidateDescriptor = defineDescriptor({
  name: 'snapshot_validate',
  role: 'viewer',
  destructive: false,
  help: 'Whether a snapshot loads into the running config: ok, warn or refused, with the coded reasons and the migrations it needs.',
  args: z.object({ name: nameArg('the snapshot file in the storage root'), strict: z.boolean().optional().describe('a warning refuses too') }).strict()
})

export const snapshotMigrateDescriptor = defineDescriptor({
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
    .strict()
})

export const snapshotLoadDescriptor = defineDescriptor({
  name: 'snapshot_load',
  role: 'admin',
  destructive: true,
  help: 'Load a snapshot into the running shard, paused first; the guardrails of the running config apply, and a refused load leaves the town exactly as it was.',
  args: z.object({ name: nameArg('the snapshot file in the storage root') }).strict()
})

export const snapshotDiffDescriptor = defineDescriptor({
  name: 'snapshot_diff',
  role: 'viewer',
  destructive: false,
  help: 'What differs between two snapshots, per section (agents, economy, relationships …): counts and the first examples.',
  args: z.object({ a: nameArg('the first snapshot file'), b: nameArg('the second snapshot file') }).strict()
})
