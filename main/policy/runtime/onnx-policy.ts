/**
 * A learned policy: an ONNX model file run by onnxruntime-node. Loading reads the bytes once
 * (their sha256 is the policy's identity), checks the graph's inputs, outputs and Townlet
 * metadata against the shard's observation spec and option set, and only then creates the
 * session, so a wrong file is refused with the reason while the current policy keeps running.
 *
 * CUDA is used when asked for and available; otherwise the CPU provider runs and `notice` says
 * why. One `run` per tick scores every agent in the batch.
 */
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import type { InferenceSession } from 'onnxruntime-node'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { err, ok, type Result } from '../../../shared/result'
import { checkModelFits, readModelInfo } from '../onnx/model-file'
import { readBounded } from '../../fs/read-bounded'
import type { ObservationBatch, ObservationSpec } from '../observations/observation-types'

/** Larger files are not policies this workstation makes; refuse them before reading. */
const MAX_MODEL_BYTES = 256 * 1024 * 1024

export type ExecutionProvider = 'cpu' | 'cuda'

export interface OnnxPolicy {
  path: string
  name: string
  sha256: string
  executionProvider: ExecutionProvider
  /** Why the provider differs from the one asked for, when it does. */
  notice: string | null
  /** Scores every row of the batch: logits, batch.count × options. */
  infer(batch: ObservationBatch): Promise<Float32Array>
  release(): Promise<void>
}

export interface LoadOnnxOptions {
  provider?: ExecutionProvider
  /** Threads for one inference; 1 (the default) keeps results identical run to run on any machine. */
  threads?: number
}

export async function loadOnnxPolicy(path: string, spec: ObservationSpec, options: LoadOnnxOptions = {}): Promise<Result<OnnxPolicy>> {
  const bytes = await readModelBytes(path)
  if (!bytes.ok) return bytes
  const info = readModelInfo(bytes.value)
  if (!info.ok) return err(info.error.code, `${path}: ${info.error.message}`, info.error.details)
  const fits = checkModelFits(info.value, spec, AGENT_OPTIONS)
  if (!fits.ok) return err(fits.error.code, `${path}: ${fits.error.message}`, fits.error.details)

  // Loaded on first use: a scripted shard or CLI run never pays for the native library.
  const ort = await import('onnxruntime-node')
  const wanted = options.provider ?? 'cpu'
  const sessionOptions = { intraOpNumThreads: options.threads ?? 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' as const }
  let session: InferenceSession
  let executionProvider: ExecutionProvider = 'cpu'
  let notice: string | null = null
  try {
    if (wanted === 'cuda') {
      try {
        // Fatal-only native logging: a missing CUDA library is expected here, and the notice says so.
        session = await ort.InferenceSession.create(bytes.value, { ...sessionOptions, logSeverityLevel: 4, executionProviders: ['cuda'] })
        executionProvider = 'cuda'
      } catch (cause) {
        notice = `CUDA was asked for but is not available here (${firstLine(cause)}); running on the CPU provider. Install with ONNXRUNTIME_NODE_INSTALL=cuda12 on a machine with an NVIDIA GPU to use it.`
        session = await ort.InferenceSession.create(bytes.value, { ...sessionOptions, executionProviders: ['cpu'] })
      }
    } else {
      session = await ort.InferenceSession.create(bytes.value, { ...sessionOptions, executionProviders: ['cpu'] })
    }
  } catch (cause) {
    return err('policy.invalid_model', `${path}: onnxruntime could not load the model (${firstLine(cause)}); the current policy stays`)
  }

  const [channels, rows, cols] = spec.mapShape
  const optionCount = AGENT_OPTIONS.length
  return ok({
    path,
    name: basename(path),
    sha256: createHash('sha256').update(bytes.value).digest('hex'),
    executionProvider,
    notice,
    async infer(batch) {
      const n = batch.count
      const map = new ort.Tensor('float32', batch.map.subarray(0, n * spec.mapSize), [n, channels, rows, cols])
      const features = new ort.Tensor('float32', batch.features.subarray(0, n * spec.featureSize), [n, spec.featureSize])
      const out = await session.run({ map, features })
      const logits = out.logits
      if (!logits || logits.type !== 'float32' || logits.data.length !== n * optionCount) {
        throw new Error(`the model returned ${logits ? `${logits.type} logits of ${logits.data.length} values` : 'no "logits" output'}; expected float32 [${n}, ${optionCount}]`)
      }
      return logits.data as Float32Array
    },
    release: () => session.release()
  })
}

async function readModelBytes(path: string): Promise<Result<Uint8Array>> {
  // Bounded and regular files only: a FIFO or a device named as a model must not hang or flood the worker.
  const read = await readBounded(path, MAX_MODEL_BYTES, path)
  if (!read.ok) {
    const { kind, message } = read.problem
    if (kind === 'too_big') return err('policy.invalid_model', `${message}: it is not a policy this workstation makes`)
    return err('policy.model_not_found', `${message}: give the path of an .onnx model (configs/policies holds the shipped ones)`)
  }
  if (read.bytes.byteLength === 0) return err('policy.invalid_model', `${path} is empty: it is not an ONNX model (re-export it with \`townlet policy train-bc\`)`)
  return ok(new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength))
}

function firstLine(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause)
  return text.split('\n')[0]!.slice(0, 300)
}
