/**
 * What an ONNX model file says about itself: its graph inputs and outputs (names, element types,
 * shapes) and its metadata. Decoded with onnx-proto, without onnxruntime, so a wrong file is
 * refused with a message that names the problem before any session is created.
 */
import { onnx } from 'onnx-proto'
import { err, ok, type Result } from '../../../shared/result'
import type { ObservationSpec } from '../observations/observation-types'

/** One dimension: a fixed size, a named dynamic size ("batch"), or unknown. */
export type ModelDim = number | string | null

export interface ModelTensorInfo {
  name: string
  /** "float", "int64", … ("unknown" when the file does not say). */
  elemType: string
  /** null when the file gives no shape at all. */
  shape: ModelDim[] | null
}

export interface ModelInfo {
  irVersion: number
  /** The default-domain opset the model imports (0 when it imports none). */
  opset: number
  producer: string
  inputs: ModelTensorInfo[]
  outputs: ModelTensorInfo[]
  metadata: Record<string, string>
  nodeCount: number
}

const ELEM_TYPES: Record<number, string> = {
  1: 'float',
  2: 'uint8',
  3: 'int8',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  9: 'bool',
  10: 'float16',
  11: 'double',
  16: 'bfloat16'
}

/** protobufjs gives int64 fields as Long objects (the `long` package is installed) or numbers. */
function toNumber(value: unknown): number {
  if (typeof value === 'number') return value
  if (value && typeof value === 'object' && 'toNumber' in value) return (value as { toNumber(): number }).toNumber()
  return Number(value ?? 0)
}

function tensorInfo(value: onnx.IValueInfoProto): ModelTensorInfo {
  const tensor = value.type?.tensorType
  const elem = tensor?.elemType ?? 0
  const dims = tensor?.shape?.dim
  return {
    name: value.name ?? '',
    elemType: ELEM_TYPES[elem] ?? (elem === 0 ? 'unknown' : `type ${elem}`),
    shape: dims ? dims.map((d) => (d.dimParam ? d.dimParam : d.dimValue !== null && d.dimValue !== undefined ? toNumber(d.dimValue) : null)) : null
  }
}

/** Decode a model file's bytes; a file that is not ONNX, or is cut short, is `policy.invalid_model`. */
export function readModelInfo(bytes: Uint8Array): Result<ModelInfo> {
  const notOnnx = (why: string) =>
    err<ModelInfo>('policy.invalid_model', `not a usable ONNX model (${why}): check the path, or re-export it with \`townlet policy train-bc\``)
  if (bytes.byteLength === 0) return notOnnx('the file is empty')
  let model: onnx.ModelProto
  try {
    model = onnx.ModelProto.decode(bytes)
  } catch (e) {
    return notOnnx(`it does not decode as an ONNX ModelProto, perhaps truncated or another kind of file: ${(e as Error).message}`)
  }
  const graph = model.graph
  // Random bytes sometimes decode as a few stray fields: a real model has a graph with nodes.
  const nodes = graph?.node ?? []
  const outputs = graph?.output ?? []
  if (nodes.length === 0 || outputs.length === 0) return notOnnx('it has no graph, or a graph without nodes or outputs')
  const initializers = new Set((graph?.initializer ?? []).map((t) => t.name))
  const opset = (model.opsetImport ?? []).find((o) => !o.domain || o.domain === 'ai.onnx')
  const metadata: Record<string, string> = {}
  for (const prop of model.metadataProps ?? []) if (prop.key) metadata[prop.key] = prop.value ?? ''
  return ok({
    irVersion: toNumber(model.irVersion),
    opset: opset ? toNumber(opset.version) : 0,
    producer: model.producerName ?? '',
    // Older exporters list initializers among the inputs; they are weights, not things to feed.
    inputs: (graph?.input ?? []).filter((i) => !initializers.has(i.name ?? '')).map(tensorInfo),
    outputs: outputs.map(tensorInfo),
    metadata,
    nodeCount: nodes.length
  })
}

/** The metadata_props keys of the model I/O contract. */
export const MODEL_META = {
  variant: 'townlet.observation_variant',
  options: 'townlet.options',
  featureNames: 'townlet.feature_names',
  mapChannels: 'townlet.map_channels',
  dataset: 'townlet.dataset',
  seed: 'townlet.seed',
  accuracy: 'townlet.accuracy'
} as const

const shapeText = (dims: readonly ModelDim[]) => dims.map((d) => (d === null ? '?' : String(d))).join('×')

/**
 * Check a model against the shard's observation spec and option set: inputs `map` [batch,C,H,W]
 * and `features` [batch,F], output `logits` [batch,O], and the metadata naming the variant, the
 * options and the features it was trained on. Every problem found is listed, each saying how to fix it.
 */
export function checkModelFits(info: ModelInfo, spec: ObservationSpec, options: readonly string[]): Result<void> {
  const problems: string[] = []
  const modelVariant = info.metadata[MODEL_META.variant]
  const mapInput = info.inputs.find((i) => i.name === 'map')
  const modelMap = mapInput?.shape && mapInput.shape.length === 4 ? shapeText(mapInput.shape.slice(1)) : null
  const shardMap = shapeText(spec.mapShape)
  if (modelVariant === undefined) {
    problems.push(`the model has no ${MODEL_META.variant} metadata: export it with \`townlet policy train-bc\`, which records the observation it was trained on`)
  } else if (modelVariant !== spec.variant) {
    problems.push(
      `this model was trained for the ${modelVariant} observation${modelMap ? ` (${modelMap} map)` : ''}; the shard uses ${spec.variant} (${shardMap}): ` +
        `set features.systems.observations to ${modelVariant} or swap in a ${spec.variant} model`
    )
  }
  // Shapes only matter once the variant agrees: a variant mismatch already explains them.
  if (modelVariant === undefined || modelVariant === spec.variant) {
    problems.push(...checkTensor(info.inputs, 'map', 'input', [...spec.mapShape], `the ${spec.variant} map (${shardMap})`))
    problems.push(...checkTensor(info.inputs, 'features', 'input', [spec.featureSize], `${spec.featureSize} features`))
  }
  problems.push(...checkTensor(info.outputs, 'logits', 'output', [options.length], `${options.length} options (${options.join(', ')})`))
  const extra = info.inputs.filter((i) => i.name !== 'map' && i.name !== 'features').map((i) => i.name)
  if (extra.length > 0) problems.push(`the model needs inputs the shard does not feed (${extra.join(', ')}): it may take only map and features`)
  problems.push(...checkList(info.metadata[MODEL_META.options], options, 'options', 'the shard offers', 'retrain it on a dataset captured with this option set'))
  if (modelVariant === spec.variant) {
    problems.push(...checkList(info.metadata[MODEL_META.featureNames], spec.featureNames, 'feature names', 'the shard builds', 'retrain it on a dataset captured with this build'))
    const channels = info.metadata[MODEL_META.mapChannels]
    if (channels !== undefined) problems.push(...checkList(channels, spec.mapChannels, 'map channels', 'the shard builds', 'retrain it on a dataset captured with this build'))
  }
  if (problems.length === 0) return ok(undefined)
  return err('policy.model_mismatch', problems.length === 1 ? problems[0]! : `the model does not fit this shard: ${problems.join('; ')}`, { problems })
}

/** A float tensor of rank 1 + tail.length whose first dim is the batch and whose others equal `tail`. */
function checkTensor(list: readonly ModelTensorInfo[], name: string, kind: string, tail: number[], what: string): string[] {
  const tensor = list.find((t) => t.name === name)
  if (!tensor) return [`the model has no ${kind} named "${name}" (it has ${list.map((t) => `"${t.name}"`).join(', ') || 'none'}): townlet models take map and features and give logits`]
  const problems: string[] = []
  if (tensor.elemType !== 'float') problems.push(`${kind} "${name}" is ${tensor.elemType}, not float32`)
  const shape = tensor.shape
  const expected = `[batch, ${tail.join(', ')}]`
  if (!shape || shape.length !== tail.length + 1) {
    problems.push(`${kind} "${name}" has shape ${shape ? `[${shape.map((d) => d ?? '?').join(', ')}]` : 'unknown'}; the shard needs ${expected} for ${what}`)
  } else {
    const first = shape[0]
    if (typeof first === 'number') problems.push(`${kind} "${name}" has a fixed batch of ${first}; the shard batches every agent at once, so its first dim must be dynamic`)
    const wrong = tail.some((d, k) => shape[k + 1] !== d && shape[k + 1] !== null && typeof shape[k + 1] === 'number')
    const named = tail.some((_, k) => typeof shape[k + 1] === 'string')
    if (wrong || named) problems.push(`${kind} "${name}" has shape [${shape.map((d) => d ?? '?').join(', ')}]; the shard needs ${expected} for ${what}`)
  }
  return problems
}

/** Compare a comma-joined metadata list with the shard's, naming the first differences. */
function checkList(raw: string | undefined, wanted: readonly string[], what: string, side: string, fix: string): string[] {
  if (raw === undefined) return [`the model has no ${what} metadata: ${fix}`]
  const have = raw === '' ? [] : raw.split(',')
  if (have.length === wanted.length && have.every((v, k) => v === wanted[k])) return []
  const missing = wanted.filter((v) => !have.includes(v))
  const extra = have.filter((v) => !wanted.includes(v))
  const parts: string[] = []
  if (missing.length > 0) parts.push(`missing from the model: ${preview(missing)}`)
  if (extra.length > 0) parts.push(`unknown to the shard: ${preview(extra)}`)
  if (parts.length === 0) {
    const at = have.findIndex((v, k) => v !== wanted[k])
    parts.push(`same names in another order, first at position ${at} (model "${have[at]}", shard "${wanted[at]}")`)
  }
  return [`the model's ${what} (${have.length}) differ from those ${side} (${wanted.length}): ${parts.join('; ')}: ${fix}`]
}

function preview(names: readonly string[]): string {
  return names.length <= 6 ? names.join(', ') : `${names.slice(0, 6).join(', ')} and ${names.length - 6} more`
}
