/**
 * What the snapshot manager shows and asks for, across IPC: the list of saved snapshots, one
 * snapshot's identity, a validation verdict, a migration preview and a diff. The files themselves
 * never cross: the host reads and writes them inside the workspace, by name.
 */
import { z } from 'zod'

/** A snapshot file's name in the storage root: no folders, no dot files, one of our extensions. */
export const SnapshotNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.json(\.gz)?$/, 'a snapshot file name in the storage root, like snapshot-1200-ab12cd.json or .json.gz')

const Fingerprints = z.object({ world: z.string(), events: z.string(), policy: z.string() })

/** Who wrote a snapshot and with what: enough to tell whether it fits the running shard. */
export const SnapshotIdentitySchema = z.object({
  config_id: z.string(),
  policy_hash: z.string().nullable(),
  backend: z.enum(['scripted', 'onnx']),
  provider: z.string().nullable(),
  observation_variant: z.string().nullable(),
  anneal_ratio: z.number().nullable(),
  /** Short sha256 fingerprints of each RNG stream's state. */
  rng: Fingerprints
})
export type SnapshotIdentityDto = z.infer<typeof SnapshotIdentitySchema>

/** A coded problem: the codes are the stable `snapshot.*` ones (see docs/snapshots.md). */
export const SnapshotProblemSchema = z.object({ code: z.string(), message: z.string() })
export type SnapshotProblem = z.infer<typeof SnapshotProblemSchema>

export const SnapshotEntrySchema = z.object({
  name: SnapshotNameSchema,
  /** null when the file cannot be read as a snapshot (see integrity). */
  tick: z.number().int().nonnegative().nullable(),
  config_id: z.string().nullable(),
  policy_hash: z.string().nullable(),
  schema_version: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  /** Milliseconds since the epoch of the file's last write. */
  modified_ms: z.number(),
  gzip: z.boolean(),
  autosave: z.boolean(),
  /** `legacy` is a document from the original Python shards: it loads after a migration (import). */
  kind: z.enum(['snapshot', 'legacy', 'unreadable']),
  integrity: z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), problem: SnapshotProblemSchema })])
})
export type SnapshotEntry = z.infer<typeof SnapshotEntrySchema>

export const SnapshotListSchema = z.object({
  /** The storage root, workspace-relative, for display. */
  root: z.string(),
  snapshots: z.array(SnapshotEntrySchema)
})
export type SnapshotList = z.infer<typeof SnapshotListSchema>

export const SnapshotInspectionSchema = z.object({
  entry: SnapshotEntrySchema,
  identity: SnapshotIdentitySchema.nullable(),
  checksum: z.string().nullable(),
  migrations: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), description: z.string() })),
  /** Counts per section: agents, objects, ties, perturbations … */
  counts: z.record(z.string(), z.number().int().nonnegative())
})
export type SnapshotInspection = z.infer<typeof SnapshotInspectionSchema>

/** Against the running shard's config: `ok` loads as is, `warn` loads with the reasons shown, `refused` does not load. */
export const SnapshotVerdictSchema = z.object({
  verdict: z.enum(['ok', 'warn', 'refused']),
  reasons: z.array(SnapshotProblemSchema),
  /** Migration steps needed before it loads (empty when none). */
  required_migrations: z.array(z.string())
})
export type SnapshotVerdict = z.infer<typeof SnapshotVerdictSchema>

/** One section's changes between two states: counts and the first few examples. */
export const DiffSectionSchema = z.object({
  section: z.string(),
  added: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
  examples: z.array(z.object({ kind: z.enum(['added', 'changed', 'dropped']), path: z.string(), before: z.string().nullable(), after: z.string().nullable() }))
})
export const SnapshotDiffSchema = z.object({
  a: z.string(),
  b: z.string(),
  sections: z.array(DiffSectionSchema)
})
export type SnapshotDiffDto = z.infer<typeof SnapshotDiffSchema>

export const MigrationStepSchema = z.object({ id: z.string(), description: z.string(), from: z.string(), to: z.string() })

/** A migration preview: the chain to the running config, what each step does, and the diff it makes. */
export const MigrationPreviewSchema = z.object({
  source: SnapshotNameSchema,
  target_config_id: z.string(),
  chain: z.array(MigrationStepSchema),
  diff: SnapshotDiffSchema,
  /** For a legacy import: field by field, what maps, what is defaulted and what is dropped. */
  report: z.array(z.object({ kind: z.enum(['mapped', 'defaulted', 'dropped', 'warning']), field: z.string(), count: z.number().int().nonnegative(), note: z.string() }))
})
export type MigrationPreview = z.infer<typeof MigrationPreviewSchema>

/** The latest snapshot this shard saved or loaded, for status and `telemetry_snapshot`. */
export const LastSnapshotSchema = z.object({
  name: SnapshotNameSchema,
  action: z.enum(['saved', 'loaded', 'autosaved', 'migrated']),
  tick: z.number().int().nonnegative(),
  identity: SnapshotIdentitySchema
})
export type LastSnapshot = z.infer<typeof LastSnapshotSchema>
