/**
 * The behaviour-cloning MLP as an ONNX model, written with onnx-proto (no Python anywhere):
 * Flatten(map) ++ features → (x − mean) · (1/std) → Gemm → Relu → Gemm → Relu → Gemm → logits,
 * the batch dimension dynamic, the contract's metadata on the ModelProto. `verifyExport` runs the
 * bytes in onnxruntime-node and compares with the TypeScript forward pass, so a file that would
 * act differently from the network we trained is never written.
 */
import { onnx } from 'onnx-proto'
import type { InferenceSession } from 'onnxruntime-node'
import { err, ok, type Result } from '../../../shared/result'
import type { ObservationVariant } from '../../../shared/contract/dto/policy'
import { forward, type MlpParams } from '../bc/mlp'
import { MODEL_META, readModelInfo } from './model-file'

export interface ModelMetadata {
  variant: ObservationVariant
  /** [channels, rows, cols]. */
  mapShape: readonly [number, number, number]
  mapChannels: readonly string[]
  featureNames: readonly string[]
  options: readonly string[]
  dataset: string
  seed: number
  /** Held-out accuracy, 0..1. */
  accuracy: number
}

export const EXPORT_OPSET = 13
const FLOAT = onnx.TensorProto.DataType.FLOAT

function floatTensor(name: string, dims: number[], values: Float64Array): onnx.ITensorProto {
  // Little-endian float32 raw data, whatever the host's byte order.
  const raw = new Uint8Array(values.length * 4)
  const view = new DataView(raw.buffer)
  for (let k = 0; k < values.length; k++) view.setFloat32(k * 4, values[k]!, true)
  return { name, dims, dataType: FLOAT, rawData: raw }
}

function valueInfo(name: string, dims: (number | string)[]): onnx.IValueInfoProto {
  return {
    name,
    type: { tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } }
  }
}

function intAttr(name: string, value: number): onnx.IAttributeProto {
  return { name, type: onnx.AttributeProto.AttributeType.INT, i: value }
}

/** Serialise the network and its metadata as ONNX ModelProto bytes. */
export function exportMlpOnnx(params: MlpParams, meta: ModelMetadata): Uint8Array {
  const [c, h, w] = meta.mapShape
  if (c * h * w !== params.mapSize) throw new Error(`map shape ${c}×${h}×${w} does not match the network's ${params.mapSize} map inputs`)
  if (meta.featureNames.length !== params.featureSize) throw new Error(`${meta.featureNames.length} feature names for ${params.featureSize} feature inputs`)
  if (meta.options.length !== params.outputs) throw new Error(`${meta.options.length} options for ${params.outputs} outputs`)
  const [n1, n2] = params.hidden
  const m = params.inputSize
  const node = (opType: string, inputs: string[], output: string, attribute: onnx.IAttributeProto[] = []): onnx.INodeProto => ({
    opType,
    input: inputs,
    output: [output],
    name: output,
    attribute
  })
  const graph: onnx.IGraphProto = {
    name: 'townlet_bc_mlp',
    input: [valueInfo('map', ['batch', c, h, w]), valueInfo('features', ['batch', params.featureSize])],
    output: [valueInfo('logits', ['batch', params.outputs])],
    initializer: [
      floatTensor('input_mean', [m], params.mean),
      floatTensor('input_inv_std', [m], params.invStd),
      floatTensor('w1', [m, n1], params.w1),
      floatTensor('b1', [n1], params.b1),
      floatTensor('w2', [n1, n2], params.w2),
      floatTensor('b2', [n2], params.b2),
      floatTensor('w3', [n2, params.outputs], params.w3),
      floatTensor('b3', [params.outputs], params.b3)
    ],
    node: [
      node('Flatten', ['map'], 'map_flat', [intAttr('axis', 1)]),
      node('Concat', ['map_flat', 'features'], 'input', [intAttr('axis', 1)]),
      node('Sub', ['input', 'input_mean'], 'centred'),
      node('Mul', ['centred', 'input_inv_std'], 'normalised'),
      node('Gemm', ['normalised', 'w1', 'b1'], 'h1_pre'),
      node('Relu', ['h1_pre'], 'h1'),
      node('Gemm', ['h1', 'w2', 'b2'], 'h2_pre'),
      node('Relu', ['h2_pre'], 'h2'),
      node('Gemm', ['h2', 'w3', 'b3'], 'logits')
    ]
  }
  const metadataProps = [
    [MODEL_META.variant, meta.variant],
    [MODEL_META.options, meta.options.join(',')],
    [MODEL_META.featureNames, meta.featureNames.join(',')],
    [MODEL_META.mapChannels, meta.mapChannels.join(',')],
    [MODEL_META.dataset, meta.dataset],
    [MODEL_META.seed, String(meta.seed)],
    [MODEL_META.accuracy, meta.accuracy.toFixed(4)]
  ].map(([key, value]) => ({ key, value }))
  const model: onnx.IModelProto = {
    irVersion: 8,
    opsetImport: [{ domain: '', version: EXPORT_OPSET }],
    producerName: 'townlet',
    producerVersion: '1',
    docString: 'Townlet behaviour-cloning policy: option logits from one agent observation (mask outside the model).',
    graph,
    metadataProps
  }
  return onnx.ModelProto.encode(model).finish()
}

export interface SampleBatch {
  map: Float32Array
  features: Float32Array
  n: number
}

/** Largest |ORT − TypeScript| logit difference that still counts as the same network. */
export const EXPORT_TOLERANCE = 1e-4

/** Run the exported bytes in onnxruntime-node (CPU) and compare with `forward`; `maxAbsDiff` on success. */
export async function verifyExport(bytes: Uint8Array, params: MlpParams, sample: SampleBatch): Promise<Result<{ maxAbsDiff: number }>> {
  const info = readModelInfo(bytes)
  if (!info.ok) return info
  const mapShape = info.value.inputs.find((i) => i.name === 'map')?.shape?.slice(1)
  if (!mapShape || mapShape.some((d) => typeof d !== 'number')) return err('policy.invalid_model', 'the exported model has no fixed-size map input')
  // Loaded on first use, so the CLI starts without the native library.
  const ort = await import('onnxruntime-node')
  let session: InferenceSession
  try {
    session = await ort.InferenceSession.create(bytes, { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1 })
  } catch (e) {
    return err('policy.invalid_model', `onnxruntime could not load the exported model: ${(e as Error).message}`)
  }
  try {
    const feeds = {
      map: new ort.Tensor('float32', sample.map, [sample.n, ...(mapShape as number[])]),
      features: new ort.Tensor('float32', sample.features, [sample.n, params.featureSize])
    }
    const result = await session.run(feeds)
    const got = result.logits?.data as Float32Array | undefined
    if (!got || got.length !== sample.n * params.outputs) return err('policy.invalid_model', `the exported model gave ${got?.length ?? 0} logits for ${sample.n} samples; expected ${sample.n * params.outputs}`)
    const want = forward(params, sample.map, sample.features, sample.n)
    let maxAbsDiff = 0
    for (let k = 0; k < want.length; k++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(want[k]! - got[k]!))
    if (!(maxAbsDiff <= EXPORT_TOLERANCE)) {
      return err('policy.invalid_model', `the exported model disagrees with the trained network: logits differ by up to ${maxAbsDiff.toExponential(2)} (tolerance ${EXPORT_TOLERANCE}); the file was not written`, { maxAbsDiff })
    }
    return ok({ maxAbsDiff })
  } catch (e) {
    return err('policy.inference_failed', `onnxruntime failed on the sample batch: ${(e as Error).message}`)
  } finally {
    await session.release()
  }
}
