/**
 * `versions.json`: the registry of behaviour-cloning datasets and the models trained on them
 * (default configs/policies/versions.json). Paths inside are relative to the registry's folder,
 * so a checkout can move. Each entry pins a sha256: a dataset's of its manifest (which pins each
 * of its files), a model's of its bytes, so `townlet policy audit` can prove nothing drifted.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../../fs/atomic-write'
import { recoverFileSet, type RecoveryReport } from '../../fs/publish-set'

export const DEFAULT_VERSIONS_PATH = 'configs/policies/versions.json'

const sha = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lowercase hex digits')

export const DatasetEntrySchema = z.looseObject({
  /** The dataset's manifest.json, relative to the registry's folder. */
  manifest: z.string().min(1),
  dir: z.string().min(1),
  created: z.string(),
  samples: z.number().int().nonnegative(),
  status: z.enum(['active', 'deprecated']),
  /** sha256 of the manifest file's bytes. */
  sha256: sha
})
export type DatasetEntry = z.infer<typeof DatasetEntrySchema>

export const ModelEntrySchema = z.looseObject({
  /** The .onnx file, relative to the registry's folder. */
  file: z.string().min(1),
  sha256: sha,
  dataset: z.string(),
  seed: z.number().int(),
  accuracy: z.number(),
  observation_variant: z.string(),
  options: z.array(z.string()),
  created: z.string().optional()
})
export type ModelEntry = z.infer<typeof ModelEntrySchema>

export const VersionsSchema = z.looseObject({
  datasets: z.record(z.string(), DatasetEntrySchema),
  models: z.record(z.string(), ModelEntrySchema)
})
export type Versions = z.infer<typeof VersionsSchema>

export type VersionsRead = { ok: true; versions: Versions; absent: boolean } | { ok: false; message: string }

/** Read the registry; a missing file is an empty one (`absent: true`). */
export async function readVersions(path: string): Promise<VersionsRead> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, versions: { datasets: {}, models: {} }, absent: true }
    return { ok: false, message: `cannot read ${path}: ${(e as Error).message}` }
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return { ok: false, message: `${path} is not valid JSON: ${(e as Error).message}` }
  }
  const parsed = VersionsSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, message: `${path} is not a versions registry (${issue ? `${issue.path.join('.') || '<document>'}: ${issue.message}` : 'wrong shape'}); expected { "datasets": {…}, "models": {…} }` }
  }
  return { ok: true, versions: parsed.data, absent: false }
}

/** The registry as it is written: keys of both tables sorted, so diffs stay small. */
export function renderVersions(versions: Versions): string {
  const sorted = <T>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return `${JSON.stringify({ ...versions, datasets: sorted(versions.datasets), models: sorted(versions.models) }, null, 2)}\n`
}

/**
 * Finish a model publish that crashed after its commit point (publish-model.ts writes the model,
 * its sidecar and versions.json as one file set, journalled beside versions.json) and remove the
 * temps of one that crashed before it. Every writer of the registry runs this first: a
 * read-modify-write over an unfinished publish would be overwritten when it is finally finished.
 */
export async function settleVersions(path: string): Promise<RecoveryReport> {
  return recoverFileSet(dirname(path))
}

/** Read, change and write back atomically (keys sorted), after settling any interrupted publish. */
export async function updateVersions(path: string, change: (v: Versions) => void): Promise<void> {
  const settled = await settleVersions(path)
  if (settled.problems.length > 0) throw new Error(`${path}: an interrupted model publish cannot be finished: ${settled.problems.join('; ')}`)
  const read = await readVersions(path)
  if (!read.ok) throw new Error(read.message)
  change(read.versions)
  await mkdir(dirname(path), { recursive: true })
  await writeFileAtomic(path, renderVersions(read.versions))
}

/** A path as the registry stores it: relative to its folder, with forward slashes. */
export function registryPath(versionsPath: string, target: string): string {
  return relative(dirname(versionsPath), target).split(sep).join('/') || '.'
}

/** A registry path back to an absolute one. */
export function resolveRegistryPath(versionsPath: string, stored: string): string {
  return isAbsolute(stored) ? stored : resolve(dirname(versionsPath), stored)
}

/** Record a dataset (its folder and manifest, relative to the registry) as active. */
export async function registerDataset(versionsPath: string, name: string, entry: { dir: string; manifestSha256: string; created: string; samples: number }): Promise<void> {
  await updateVersions(versionsPath, (v) => {
    v.datasets[name] = {
      manifest: registryPath(versionsPath, join(entry.dir, 'manifest.json')),
      dir: registryPath(versionsPath, entry.dir),
      created: entry.created,
      samples: entry.samples,
      status: 'active',
      sha256: entry.manifestSha256
    }
  })
}

/** The registry entry whose folder is `dir`, if any: its name and pinned manifest sha256. */
export function datasetEntryFor(versionsPath: string, versions: Versions, dir: string): { name: string; entry: DatasetEntry } | undefined {
  const target = resolve(dir)
  for (const [name, entry] of Object.entries(versions.datasets)) {
    if (resolveRegistryPath(versionsPath, entry.dir) === target) return { name, entry }
  }
  return undefined
}
