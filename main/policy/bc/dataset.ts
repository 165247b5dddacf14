/**
 * A behaviour-cloning dataset on disk: a folder with
 * - `observations.bin`: little-endian float32, per sample the map tensor then the feature vector;
 * - `labels.bin`: one uint8 per sample, the option the scripted controller chose (AGENT_OPTIONS index);
 * - `masks.bin`: options-count uint8 per sample, 1 where the option was available;
 * - `meta.json`: what the columns mean (variant, shapes, names), where the data came from;
 * - `manifest.json`: each of those files with its sha256 and size, written last.
 * Readers check every file against the manifest before using any of it, so a flipped byte is
 * refused (`policy.checksum_mismatch`, naming the file), never trained on.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { gunzipSync, gzipSync } from 'node:zlib'
import { endianness } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { ObservationVariantSchema } from '../../../shared/contract/dto/policy'
import { err, ok, type Result } from '../../../shared/result'
import { writeFileAtomic } from '../../fs/atomic-write'

export const DATASET_SCHEMA_VERSION = 1
/** Observations are gzip-compressed: map tensors are mostly zeros, so a dataset shrinks about tenfold. */
export const DATA_FILES = ['observations.f32.gz', 'labels.bin', 'masks.bin', 'meta.json'] as const
export const MANIFEST_FILE = 'manifest.json'

const int = z.number().int().nonnegative()

export const DatasetMetaSchema = z.object({
  schema_version: z.literal(DATASET_SCHEMA_VERSION),
  variant: ObservationVariantSchema,
  map_shape: z.tuple([int, int, int]),
  map_channels: z.array(z.string()),
  feature_names: z.array(z.string()),
  options: z.array(z.string()).min(1),
  samples: int,
  config_id: z.string(),
  seed: z.number().int(),
  ticks: int,
  /** Samples were taken every this many ticks. */
  every: z.number().int().positive().default(1),
  created: z.string(),
  /** The model that drove the run while the controller labelled it (dataset aggregation), or null for a scripted run. */
  driven_by: z.object({ policy_hash: z.string(), model: z.string(), anneal_ratio: z.number().min(0).max(1) }).nullable().default(null)
})
export type DatasetMeta = z.infer<typeof DatasetMetaSchema>

export const DatasetManifestSchema = z.object({
  schema_version: z.literal(DATASET_SCHEMA_VERSION),
  files: z.array(z.object({ name: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: int }))
})
export type DatasetManifest = z.infer<typeof DatasetManifestSchema>

export interface DatasetData {
  meta: DatasetMeta
  /** samples × (mapSize + featureSize). */
  observations: Float32Array
  labels: Uint8Array
  /** samples × options. */
  masks: Uint8Array
}

export interface Dataset extends DatasetData {
  dir: string
  /** sha256 of manifest.json's bytes: what versions.json pins. */
  manifestSha256: string
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

export function sampleSize(meta: Pick<DatasetMeta, 'map_shape' | 'feature_names'>): number {
  return meta.map_shape[0] * meta.map_shape[1] * meta.map_shape[2] + meta.feature_names.length
}

function floatsToBytes(values: Float32Array): Uint8Array {
  if (endianness() === 'LE') return new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
  const out = new Uint8Array(values.length * 4)
  const view = new DataView(out.buffer)
  for (let k = 0; k < values.length; k++) view.setFloat32(k * 4, values[k]!, true)
  return out
}

function bytesToFloats(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.byteLength / 4)
  if (endianness() === 'LE') {
    new Uint8Array(out.buffer).set(bytes)
    return out
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let k = 0; k < out.length; k++) out[k] = view.getFloat32(k * 4, true)
  return out
}

/** Check that the arrays agree with the meta; a message saying what does not, or undefined. */
function shapeProblem(data: DatasetData): string | undefined {
  const { meta } = data
  const n = meta.samples
  if (data.observations.length !== n * sampleSize(meta)) return `observations hold ${data.observations.length} floats; ${n} samples of ${sampleSize(meta)} need ${n * sampleSize(meta)}`
  if (data.labels.length !== n) return `labels hold ${data.labels.length} entries for ${n} samples`
  if (data.masks.length !== n * meta.options.length) return `masks hold ${data.masks.length} bytes; ${n} samples × ${meta.options.length} options need ${n * meta.options.length}`
  if (meta.map_channels.length !== meta.map_shape[0]) return `${meta.map_channels.length} channel names for ${meta.map_shape[0]} map channels`
  const bad = data.labels.findIndex((l) => l >= meta.options.length)
  if (bad >= 0) return `sample ${bad} has label ${data.labels[bad]}, beyond the ${meta.options.length} options`
  return undefined
}

/** Write the dataset's files (each atomically), then its manifest; returns the manifest's sha256. */
export async function writeDataset(dir: string, data: DatasetData): Promise<{ manifestSha256: string; manifest: DatasetManifest }> {
  const problem = shapeProblem(data)
  if (problem) throw new Error(`inconsistent dataset: ${problem}`)
  await mkdir(dir, { recursive: true })
  const contents: Record<(typeof DATA_FILES)[number], Uint8Array> = {
    'observations.f32.gz': gzipSync(floatsToBytes(data.observations), { level: 9 }),
    'labels.bin': data.labels,
    'masks.bin': data.masks,
    'meta.json': new TextEncoder().encode(`${JSON.stringify(data.meta, null, 2)}\n`)
  }
  const files: DatasetManifest['files'] = []
  for (const name of DATA_FILES) {
    await writeFileAtomic(join(dir, name), contents[name])
    files.push({ name, sha256: sha256Hex(contents[name]), bytes: contents[name].byteLength })
  }
  const manifest: DatasetManifest = { schema_version: DATASET_SCHEMA_VERSION, files }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`
  await writeFileAtomic(join(dir, MANIFEST_FILE), manifestText)
  return { manifestSha256: sha256Hex(manifestText), manifest }
}

/** Read and check a manifest.json; `expectedSha256` (from versions.json) pins the manifest itself. */
export async function readDatasetManifest(dir: string, expectedSha256?: string): Promise<Result<{ manifest: DatasetManifest; sha256: string }>> {
  const path = join(dir, MANIFEST_FILE)
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT'
    return err('policy.invalid_dataset', missing ? `${path} does not exist: is ${dir} a dataset written by \`townlet policy capture\`?` : `cannot read ${path}: ${(e as Error).message}`)
  }
  const sha256 = sha256Hex(bytes)
  if (expectedSha256 !== undefined && sha256 !== expectedSha256) {
    return err('policy.checksum_mismatch', `${MANIFEST_FILE} of ${dir} has sha256 ${sha256}, but versions.json pins ${expectedSha256}: the manifest changed since the dataset was registered; recapture it`, { file: path })
  }
  let parsed: ReturnType<typeof DatasetManifestSchema.safeParse>
  try {
    parsed = DatasetManifestSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)))
  } catch (e) {
    return err('policy.invalid_dataset', `${path} is not valid JSON: ${(e as Error).message}`)
  }
  if (!parsed.success) return err('policy.invalid_dataset', `${path} is not a dataset manifest: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`)
  return ok({ manifest: parsed.data, sha256 })
}

/** Read a dataset, verifying every file's size and sha256 before any of it is used. */
export async function readDataset(dir: string, options: { expectedManifestSha256?: string } = {}): Promise<Result<Dataset>> {
  const read = await readDatasetManifest(dir, options.expectedManifestSha256)
  if (!read.ok) return read
  const byName = new Map(read.value.manifest.files.map((f) => [f.name, f]))
  const contents = new Map<string, Uint8Array>()
  for (const name of DATA_FILES) {
    const entry = byName.get(name)
    if (!entry) return err('policy.invalid_dataset', `${join(dir, MANIFEST_FILE)} does not list ${name}`)
    let bytes: Uint8Array
    try {
      bytes = await readFile(join(dir, name))
    } catch (e) {
      return err('policy.invalid_dataset', `cannot read ${join(dir, name)}: ${(e as Error).message}`)
    }
    const sha = sha256Hex(bytes)
    if (bytes.byteLength !== entry.bytes || sha !== entry.sha256) {
      return err(
        'policy.checksum_mismatch',
        `${name} of dataset ${dir} does not match its manifest (${bytes.byteLength} bytes, sha256 ${sha.slice(0, 12)}…; manifest: ${entry.bytes} bytes, ${entry.sha256.slice(0, 12)}…): the file is damaged or was edited; recapture the dataset`,
        { file: join(dir, name) }
      )
    }
    contents.set(name, bytes)
  }
  let meta: DatasetMeta
  try {
    const parsed = DatasetMetaSchema.safeParse(JSON.parse(new TextDecoder().decode(contents.get('meta.json'))))
    if (!parsed.success) return err('policy.invalid_dataset', `meta.json of ${dir} is not dataset metadata: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    meta = parsed.data
  } catch (e) {
    return err('policy.invalid_dataset', `meta.json of ${dir} is not valid JSON: ${(e as Error).message}`)
  }
  let obsBytes: Uint8Array
  try {
    obsBytes = gunzipSync(contents.get('observations.f32.gz')!)
  } catch (e) {
    return err('policy.invalid_dataset', `observations.f32.gz of ${dir} is not gzip data: ${(e as Error).message}`)
  }
  if (obsBytes.byteLength % 4 !== 0) return err('policy.invalid_dataset', `observations of ${dir} are ${obsBytes.byteLength} bytes, not a whole number of float32s`)
  const data: DatasetData = { meta, observations: bytesToFloats(obsBytes), labels: new Uint8Array(contents.get('labels.bin')!), masks: new Uint8Array(contents.get('masks.bin')!) }
  const problem = shapeProblem(data)
  if (problem) return err('policy.invalid_dataset', `dataset ${dir} is inconsistent: ${problem}`)
  return ok({ ...data, dir, manifestSha256: read.value.sha256 })
}

/**
 * Several datasets as one (a scripted capture and its aggregation runs, say): they must share the
 * observation layout and option set, or the message says which field differs.
 */
export function concatDatasets(parts: readonly DatasetData[]): Result<DatasetData> {
  const first = parts[0]
  if (!first) return err('policy.invalid_dataset', 'no dataset given')
  const keys = ['variant', 'map_shape', 'map_channels', 'feature_names', 'options'] as const
  for (const part of parts.slice(1)) {
    for (const key of keys) {
      if (JSON.stringify(part.meta[key]) !== JSON.stringify(first.meta[key])) {
        return err('policy.invalid_dataset', `datasets from ${first.meta.config_id} and ${part.meta.config_id} differ in ${key}: they were captured with different observation settings and cannot be trained together`)
      }
    }
  }
  if (parts.length === 1) return ok(first)
  const join = <T extends Float32Array | Uint8Array>(pick: (d: DatasetData) => T, make: (n: number) => T): T => {
    const out = make(parts.reduce((n, d) => n + pick(d).length, 0))
    let at = 0
    for (const d of parts) {
      out.set(pick(d), at)
      at += pick(d).length
    }
    return out
  }
  return ok({
    meta: { ...first.meta, samples: parts.reduce((n, d) => n + d.meta.samples, 0), ticks: parts.reduce((n, d) => n + d.meta.ticks, 0) },
    observations: join((d) => d.observations, (n) => new Float32Array(n)),
    labels: join((d) => d.labels, (n) => new Uint8Array(n)),
    masks: join((d) => d.masks, (n) => new Uint8Array(n))
  })
}
