/**
 * Turning a trained network into a model file the shard can load: export to ONNX, check the
 * bytes against the contract (readModelInfo + checkModelFits on the dataset's own spec), run them
 * in onnxruntime against the TypeScript forward pass, and only then write it with its sidecar
 * manifest (`<name>.json` beside `<name>.onnx`) and its versions.json entry as one file set
 * (main/fs/publish-set.ts): a crash leaves the old three files or, once recovered, the new three.
 */
import { mkdir } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { err, ok, type Result } from '../../../shared/result'
import { commitFileSet, recoverFileSet, type FileSetEntry } from '../../fs/publish-set'
import type { ObservationSpec } from '../observations/observation-types'
import { exportMlpOnnx, verifyExport, type ModelMetadata } from '../onnx/export-mlp'
import { checkModelFits, readModelInfo } from '../onnx/model-file'
import { sha256Hex, type DatasetData, type DatasetMeta } from './dataset'
import type { MlpParams } from './mlp'
import { readVersions, registryPath, renderVersions } from './versions-registry'

/** Samples run through onnxruntime to prove the export. */
const VERIFY_SAMPLES = 64

export interface ModelSidecar {
  dataset: string
  seed: number
  accuracy: number
  sha256: string
  variant: string
  options: string[]
  created: string
}

/** `<dir>/<name>.json` for `<dir>/<name>.onnx` (any other name gets `.json` appended). */
export function sidecarPath(modelPath: string): string {
  return modelPath.endsWith('.onnx') ? `${modelPath.slice(0, -'.onnx'.length)}.json` : `${modelPath}.json`
}

/** The ObservationSpec a dataset was captured with, rebuilt from its meta. */
export function specOfDataset(meta: DatasetMeta): ObservationSpec {
  const [c, h, w] = meta.map_shape
  return {
    variant: meta.variant,
    mapShape: [c, h, w],
    mapChannels: meta.map_channels,
    featureNames: meta.feature_names,
    featureIndex: Object.fromEntries(meta.feature_names.map((f, k) => [f, k])),
    mapSize: c * h * w,
    featureSize: meta.feature_names.length
  }
}

/** Up to VERIFY_SAMPLES rows of the dataset, split into map and features as the model takes them. */
export function sampleRows(data: DatasetData, rows: Int32Array): { map: Float32Array; features: Float32Array; n: number } {
  const spec = specOfDataset(data.meta)
  const take = rows.subarray(0, Math.min(rows.length, VERIFY_SAMPLES))
  const n = take.length
  const map = new Float32Array(n * spec.mapSize)
  const features = new Float32Array(n * spec.featureSize)
  const row = spec.mapSize + spec.featureSize
  take.forEach((s, r) => {
    map.set(data.observations.subarray(s * row, s * row + spec.mapSize), r * spec.mapSize)
    features.set(data.observations.subarray(s * row + spec.mapSize, (s + 1) * row), r * spec.featureSize)
  })
  return { map, features, n }
}

export interface PublishOptions {
  /** Registry to record the model in; none to skip. */
  versionsPath?: string
  /** Registry key; default: the file name without .onnx. */
  name?: string
  created: string
}

export interface Published {
  sha256: string
  bytes: number
  maxAbsDiff: number
  sidecar: string
}

export async function publishModel(out: string, params: MlpParams, data: DatasetData, meta: ModelMetadata, sample: Int32Array, options: PublishOptions): Promise<Result<Published>> {
  if (basename(sidecarPath(out)) === 'versions.json') return err('policy.invalid_model', `a model named ${basename(out)} would overwrite the registry's versions.json with its sidecar: choose another name`)
  const versionsPath = options.versionsPath
  // Settle a publish that crashed before this one: finish it (it reached its commit point) or
  // drop its temps, so the versions.json read below is the registry as it really stands.
  const settled = await recoverFileSet(versionsPath === undefined ? [dirname(out)] : [dirname(versionsPath), dirname(out)])
  if (settled.problems.length > 0) return err('policy.checksum_mismatch', `an interrupted model publish cannot be finished: ${settled.problems.join('; ')}`)
  const bytes = exportMlpOnnx(params, meta)
  const info = readModelInfo(bytes)
  if (!info.ok) return info
  const fits = checkModelFits(info.value, specOfDataset(data.meta), data.meta.options)
  if (!fits.ok) return err('policy.invalid_model', `the exported model does not fit its own dataset: ${fits.error.message}`)
  const verified = await verifyExport(bytes, params, sampleRows(data, sample))
  if (!verified.ok) return verified
  const sha256 = sha256Hex(bytes)
  const sidecar: ModelSidecar = { dataset: meta.dataset, seed: meta.seed, accuracy: meta.accuracy, sha256, variant: meta.variant, options: [...meta.options], created: options.created }
  const files: FileSetEntry[] = [
    { path: out, data: bytes },
    { path: sidecarPath(out), data: `${JSON.stringify(sidecar, null, 2)}\n` }
  ]
  await mkdir(dirname(out), { recursive: true })
  if (versionsPath) {
    const read = await readVersions(versionsPath)
    if (!read.ok) throw new Error(read.message)
    const name = options.name ?? basename(out).replace(/\.onnx$/, '')
    read.versions.models[name] = {
      file: registryPath(versionsPath, out),
      sha256,
      dataset: meta.dataset,
      seed: meta.seed,
      accuracy: meta.accuracy,
      observation_variant: meta.variant,
      options: [...meta.options],
      created: options.created
    }
    files.push({ path: versionsPath, data: renderVersions(read.versions) })
    await mkdir(dirname(versionsPath), { recursive: true })
  }
  // The journal goes beside versions.json, where every registry writer looks for it (settleVersions).
  await commitFileSet(files, { journalDir: dirname(versionsPath ?? out) })
  return ok({ sha256, bytes: bytes.byteLength, maxAbsDiff: verified.value.maxAbsDiff, sidecar: sidecarPath(out) })
}
