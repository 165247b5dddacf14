/**
 * The behaviour-cloning policy network: input = the flattened map tensor followed by the feature
 * vector, normalised per input by the training set's mean and standard deviation; two hidden
 * layers of ReLU units; one logit per option. Weights are row-major [inputs][outputs], the layout
 * ONNX Gemm takes as B without transposing. Training keeps them in Float64Array; they are rounded
 * to float32 when training ends, so this forward pass and the exported model use the same numbers.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { nextFloat } from '../../sim/rng/rng-streams'

export interface MlpParams {
  mapSize: number
  featureSize: number
  /** mapSize + featureSize. */
  inputSize: number
  hidden: readonly [number, number]
  outputs: number
  mean: Float64Array
  /** 1/std per input; 0 for an input that never varied in training (the model ignores it). */
  invStd: Float64Array
  w1: Float64Array
  b1: Float64Array
  w2: Float64Array
  b2: Float64Array
  w3: Float64Array
  b3: Float64Array
}

export interface MlpShape {
  mapSize: number
  featureSize: number
  outputs: number
  hidden?: readonly [number, number]
}

export const DEFAULT_HIDDEN: readonly [number, number] = [64, 64]

/** He-uniform weights and zero biases, drawn from a generator seeded by `seed` alone. */
export function initMlp(shape: MlpShape, seed: number, mean?: Float64Array, invStd?: Float64Array): MlpParams {
  const inputSize = shape.mapSize + shape.featureSize
  const hidden = shape.hidden ?? DEFAULT_HIDDEN
  const rng = xoroshiro128plus(seed | 0)
  const layer = (fanIn: number, fanOut: number) => {
    const bound = Math.sqrt(6 / fanIn)
    const w = new Float64Array(fanIn * fanOut)
    for (let k = 0; k < w.length; k++) w[k] = (nextFloat(rng) * 2 - 1) * bound
    return w
  }
  return {
    mapSize: shape.mapSize,
    featureSize: shape.featureSize,
    inputSize,
    hidden,
    outputs: shape.outputs,
    mean: mean ?? new Float64Array(inputSize),
    invStd: invStd ?? new Float64Array(inputSize).fill(1),
    w1: layer(inputSize, hidden[0]),
    b1: new Float64Array(hidden[0]),
    w2: layer(hidden[0], hidden[1]),
    b2: new Float64Array(hidden[1]),
    w3: layer(hidden[1], shape.outputs),
    b3: new Float64Array(shape.outputs)
  }
}

/** Round every parameter to float32, as the exported model stores them. */
export function roundToFloat32(params: MlpParams): void {
  for (const a of [params.mean, params.invStd, params.w1, params.b1, params.w2, params.b2, params.w3, params.b3]) {
    for (let k = 0; k < a.length; k++) a[k] = Math.fround(a[k]!)
  }
}

/** out[0..n) = relu?(b + x · W) for x of length m and W [m][n]. */
export function dense(x: Float64Array, w: Float64Array, b: Float64Array, out: Float64Array, relu: boolean): void {
  const n = b.length
  out.set(b)
  for (let k = 0; k < x.length; k++) {
    const xk = x[k]!
    if (xk === 0) continue
    const row = k * n
    for (let j = 0; j < n; j++) out[j]! += xk * w[row + j]!
  }
  if (relu) for (let j = 0; j < n; j++) if (out[j]! < 0) out[j] = 0
}

/** Scratch buffers for one sample's pass. */
function scratch(params: MlpParams) {
  return {
    x: new Float64Array(params.inputSize),
    h1: new Float64Array(params.hidden[0]),
    h2: new Float64Array(params.hidden[1]),
    z: new Float64Array(params.outputs)
  }
}

/** The logits of the normalised input already in s.x, left in s.z. */
function pass(params: MlpParams, s: ReturnType<typeof scratch>): void {
  dense(s.x, params.w1, params.b1, s.h1, true)
  dense(s.h1, params.w2, params.b2, s.h2, true)
  dense(s.h2, params.w3, params.b3, s.z, false)
}

/** Logits of n samples: map is n × mapSize, features n × featureSize; the result n × outputs. */
export function forward(params: MlpParams, map: Float32Array, features: Float32Array, n: number): Float32Array {
  const { mapSize, featureSize, outputs, mean, invStd } = params
  const s = scratch(params)
  const logits = new Float32Array(n * outputs)
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < mapSize; k++) s.x[k] = (map[r * mapSize + k]! - mean[k]!) * invStd[k]!
    for (let k = 0; k < featureSize; k++) s.x[mapSize + k] = (features[r * featureSize + k]! - mean[mapSize + k]!) * invStd[mapSize + k]!
    pass(params, s)
    logits.set(s.z, r * outputs)
  }
  return logits
}

/** Logits of the given rows of `inputs` (rows of map ++ features, as a dataset stores them); rows.length × outputs. */
export function forwardRows(params: MlpParams, inputs: Float32Array, rows: Int32Array): Float32Array {
  const { inputSize, outputs, mean, invStd } = params
  const s = scratch(params)
  const logits = new Float32Array(rows.length * outputs)
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * inputSize
    for (let k = 0; k < inputSize; k++) s.x[k] = (inputs[base + k]! - mean[k]!) * invStd[k]!
    pass(params, s)
    logits.set(s.z, r * outputs)
  }
  return logits
}

/** The highest logit among the options the mask allows (all options when it allows none). */
export function maskedArgmax(logits: ArrayLike<number>, offset: number, mask: ArrayLike<number>, maskOffset: number, count: number): number {
  let best = -1
  let bestValue = -Infinity
  for (let o = 0; o < count; o++) {
    if (mask[maskOffset + o] === 0) continue
    const v = logits[offset + o]!
    if (best < 0 || v > bestValue) {
      best = o
      bestValue = v
    }
  }
  if (best >= 0) return best
  for (let o = 0; o < count; o++) if (best < 0 || logits[offset + o]! > bestValue) [best, bestValue] = [o, logits[offset + o]!]
  return best
}
