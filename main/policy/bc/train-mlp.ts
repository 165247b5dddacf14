/**
 * Training the behaviour-cloning MLP: softmax cross-entropy over the options the mask allows
 * (the runtime masks outside the model too), Adam, shuffled minibatches, all draws from a
 * generator seeded by the seed alone, so the same data and seed give the same weights.
 *
 * Speed: observations are mostly zeros (one-hot map channels), but normalising makes them dense.
 * The first layer therefore runs on the raw inputs with the normalisation folded into effective
 * weights (W·diag(1/std), b − W·(mean/std)), skipping zeros; its gradient is split the same way
 * into a sparse part and one dense rank-1 correction per minibatch. Same maths, several times faster.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'
import { nextInt } from '../../sim/rng/rng-streams'
import { dense, initMlp, roundToFloat32, type MlpParams } from './mlp'

export interface TrainingSet {
  /** n × inputSize float32: the map then the features of each sample. */
  inputs: Float32Array
  labels: Uint8Array
  /** n × outputs, 1 = the option was available. */
  masks: Uint8Array
  mapSize: number
  featureSize: number
  outputs: number
}

export interface TrainOptions {
  seed: number
  epochs: number
  batchSize?: number
  learningRate?: number
  hidden?: readonly [number, number]
  /** Loss weight per label (outputs long); default 1 for all. */
  classWeights?: Float64Array
  /** Called after each epoch with its mean training loss. */
  onEpoch?: (epoch: number, loss: number) => void
}

/** Per-input mean and 1/std over the training samples; inputs that never vary get 1/std = 0. */
export function inputStats(set: TrainingSet, indices: Int32Array): { mean: Float64Array; invStd: Float64Array } {
  const m = set.mapSize + set.featureSize
  const sum = new Float64Array(m)
  const sq = new Float64Array(m)
  for (const s of indices) {
    const base = s * m
    for (let k = 0; k < m; k++) {
      const v = set.inputs[base + k]!
      if (v === 0) continue
      sum[k]! += v
      sq[k]! += v * v
    }
  }
  const n = Math.max(indices.length, 1)
  const mean = new Float64Array(m)
  const invStd = new Float64Array(m)
  for (let k = 0; k < m; k++) {
    mean[k] = sum[k]! / n
    const variance = Math.max(sq[k]! / n - mean[k]! * mean[k]!, 0)
    // A floor keeps a rare binary input from turning into values in the hundreds at run time.
    invStd[k] = variance < 1e-12 ? 0 : 1 / Math.max(Math.sqrt(variance), 0.01)
  }
  return { mean, invStd }
}

class Adam {
  private readonly m: Float64Array
  private readonly v: Float64Array
  constructor(
    private readonly p: Float64Array,
    private readonly lr: number
  ) {
    this.m = new Float64Array(p.length)
    this.v = new Float64Array(p.length)
  }

  step(g: Float64Array, t: number): void {
    const b1 = 0.9
    const b2 = 0.999
    const c1 = 1 - b1 ** t
    const c2 = 1 - b2 ** t
    const { p, m, v, lr } = this
    for (let k = 0; k < p.length; k++) {
      const gk = g[k]!
      m[k] = b1 * m[k]! + (1 - b1) * gk
      v[k] = b2 * v[k]! + (1 - b2) * gk * gk
      p[k]! -= (lr * (m[k]! / c1)) / (Math.sqrt(v[k]! / c2) + 1e-8)
    }
  }
}

function shuffle(a: Int32Array, rng: RandomGenerator): void {
  for (let k = a.length - 1; k > 0; k--) {
    const j = nextInt(rng, k + 1)
    const t = a[k]!
    a[k] = a[j]!
    a[j] = t
  }
}

/**
 * Loss weights that lift rare options: (share of the commonest label / share of this label)^power,
 * scaled so the average weight over the samples is 1. power 0 weighs every sample alike; 0.5
 * (the square root) lets a rare option like shower count for more without drowning idle and work.
 */
export function classWeights(labels: Uint8Array, indices: Int32Array, outputs: number, power: number): Float64Array {
  const counts = new Float64Array(outputs)
  for (const s of indices) counts[labels[s]!]! += 1
  const weights = new Float64Array(outputs)
  const max = Math.max(...counts)
  for (let o = 0; o < outputs; o++) weights[o] = counts[o]! > 0 ? (max / counts[o]!) ** power : 0
  let total = 0
  for (let o = 0; o < outputs; o++) total += weights[o]! * counts[o]!
  const scale = indices.length > 0 && total > 0 ? indices.length / total : 1
  for (let o = 0; o < outputs; o++) weights[o]! *= scale
  return weights
}

/** Train on the samples `indices` names; deterministic for (data, indices, options). */
export function trainMlp(set: TrainingSet, indices: Int32Array, options: TrainOptions): MlpParams {
  const { mean, invStd } = inputStats(set, indices)
  const params = initMlp({ mapSize: set.mapSize, featureSize: set.featureSize, outputs: set.outputs, hidden: options.hidden }, options.seed, mean, invStd)
  const m = params.inputSize
  const [n1, n2] = params.hidden
  const O = params.outputs
  const batchSize = options.batchSize ?? 128
  const lr = options.learningRate ?? 1e-3
  const rng = xoroshiro128plus((options.seed ^ 0x5bd1e995) | 0)

  const grads = { w1: new Float64Array(m * n1), b1: new Float64Array(n1), w2: new Float64Array(n1 * n2), b2: new Float64Array(n2), w3: new Float64Array(n2 * O), b3: new Float64Array(O) }
  const names = ['w1', 'b1', 'w2', 'b2', 'w3', 'b3'] as const
  const adams = names.map((k) => new Adam(params[k], lr))
  // Folded first layer (see the header) and the raw-input gradient accumulator.
  const we = new Float64Array(m * n1)
  const be = new Float64Array(n1)
  const acc = new Float64Array(m * n1)
  const h1 = new Float64Array(n1)
  const h2 = new Float64Array(n2)
  const z = new Float64Array(O)
  const d1 = new Float64Array(n1)
  const d2 = new Float64Array(n2)
  const d3 = new Float64Array(O)
  const order = Int32Array.from(indices)
  let t = 0

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, rng)
    let lossSum = 0
    for (let start = 0; start < order.length; start += batchSize) {
      const end = Math.min(start + batchSize, order.length)
      const count = end - start
      // Effective first-layer weights for this minibatch's parameters.
      be.set(params.b1)
      for (let k = 0; k < m; k++) {
        const r = invStd[k]!
        const mr = mean[k]! * r
        const row = k * n1
        for (let j = 0; j < n1; j++) {
          const w = params.w1[row + j]!
          we[row + j] = w * r
          be[j]! -= w * mr
        }
      }
      for (const g of Object.values(grads)) g.fill(0)
      acc.fill(0)
      for (let b = start; b < end; b++) {
        const s = order[b]!
        const base = s * m
        // Forward: layer 1 over the non-zero raw inputs.
        h1.set(be)
        for (let k = 0; k < m; k++) {
          const x = set.inputs[base + k]!
          if (x === 0 || invStd[k] === 0) continue
          const row = k * n1
          for (let j = 0; j < n1; j++) h1[j]! += x * we[row + j]!
        }
        for (let j = 0; j < n1; j++) if (h1[j]! < 0) h1[j] = 0
        dense(h1, params.w2, params.b2, h2, true)
        dense(h2, params.w3, params.b3, z, false)
        const label = set.labels[s]!
        const weight = options.classWeights ? options.classWeights[label]! : 1
        lossSum += weight * softmaxDelta(z, set.masks, s * O, label, d3)
        if (weight !== 1) for (let o = 0; o < O; o++) d3[o]! *= weight
        // Backward.
        for (let j = 0; j < n2; j++) {
          let sum = 0
          const row = j * O
          for (let o = 0; o < O; o++) sum += params.w3[row + o]! * d3[o]!
          d2[j] = h2[j]! > 0 ? sum : 0
          if (h2[j]! > 0) for (let o = 0; o < O; o++) grads.w3[row + o]! += h2[j]! * d3[o]!
        }
        for (let o = 0; o < O; o++) grads.b3[o]! += d3[o]!
        for (let i = 0; i < n1; i++) {
          const row = i * n2
          let sum = 0
          const a = h1[i]!
          for (let j = 0; j < n2; j++) {
            sum += params.w2[row + j]! * d2[j]!
            if (a > 0) grads.w2[row + j]! += a * d2[j]!
          }
          d1[i] = a > 0 ? sum : 0
        }
        for (let j = 0; j < n2; j++) grads.b2[j]! += d2[j]!
        for (let j = 0; j < n1; j++) grads.b1[j]! += d1[j]!
        for (let k = 0; k < m; k++) {
          const x = set.inputs[base + k]!
          if (x === 0 || invStd[k] === 0) continue
          const row = k * n1
          for (let j = 0; j < n1; j++) acc[row + j]! += x * d1[j]!
        }
      }
      // dW1[k][j] = (1/std_k) · (Σ x_k δ_j − mean_k · Σ δ_j): the rank-1 correction for the folded mean.
      for (let k = 0; k < m; k++) {
        const r = invStd[k]!
        if (r === 0) continue
        const mk = mean[k]!
        const row = k * n1
        for (let j = 0; j < n1; j++) grads.w1[row + j] = r * (acc[row + j]! - mk * grads.b1[j]!)
      }
      t += 1
      for (const g of Object.values(grads)) for (let k = 0; k < g.length; k++) g[k]! /= count
      names.forEach((name, k) => adams[k]!.step(grads[name], t))
    }
    options.onEpoch?.(epoch, lossSum / Math.max(order.length, 1))
  }
  roundToFloat32(params)
  return params
}

/**
 * Softmax over the allowed options of z; writes p − onehot(label) into delta and returns the
 * sample's loss. A label the mask forbids (the two disagree) falls back to all options.
 */
function softmaxDelta(z: Float64Array, masks: Uint8Array, maskOffset: number, label: number, delta: Float64Array): number {
  const O = z.length
  const useMask = masks[maskOffset + label] === 1
  let max = -Infinity
  for (let o = 0; o < O; o++) if ((!useMask || masks[maskOffset + o] === 1) && z[o]! > max) max = z[o]!
  let sum = 0
  for (let o = 0; o < O; o++) {
    const e = !useMask || masks[maskOffset + o] === 1 ? Math.exp(z[o]! - max) : 0
    delta[o] = e
    sum += e
  }
  for (let o = 0; o < O; o++) delta[o] = delta[o]! / sum
  const loss = -Math.log(Math.max(delta[label]!, 1e-12))
  delta[label]! -= 1
  return loss
}
