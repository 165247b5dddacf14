/**
 * Behaviour cloning, the computing half: split a dataset by seed, train the MLP, measure it, and
 * decide the gate (held-out accuracy ≥ threshold). Accuracy is a masked argmax against the
 * scripted label, exactly how the runtime picks an option from the logits.
 *
 * The held-out split takes whole blocks of consecutive samples (a few ticks of the whole town),
 * chosen by the seed: neighbouring ticks are near copies of each other, so a per-sample split
 * would grade the model on what it trained on and flatter it.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { nextInt } from '../../sim/rng/rng-streams'
import type { DatasetData } from './dataset'
import { forwardRows, maskedArgmax, type MlpParams } from './mlp'
import { classWeights, trainMlp, type TrainingSet } from './train-mlp'

export const DEFAULT_THRESHOLD = 0.8
export const DEFAULT_EPOCHS = 8
export const HELDOUT_FRACTION = 0.2
export const DEFAULT_CLASS_WEIGHT_POWER = 0.5

export interface TrainBcOptions {
  seed: number
  epochs?: number
  threshold?: number
  batchSize?: number
  learningRate?: number
  hidden?: readonly [number, number]
  /** Class weighting power (see classWeights): 0 none, 0.5 square root (default). */
  classWeightPower?: number
  onEpoch?: (epoch: number, loss: number) => void
}

export interface OptionAccuracy {
  samples: number
  correct: number
  /** null when the split has no sample of this option. */
  accuracy: number | null
}

export interface TrainBcReport {
  samples: number
  train_samples: number
  heldout_samples: number
  seed: number
  epochs: number
  accuracy_train: number
  accuracy_heldout: number
  /** Mean of the per-option held-out accuracies (options with samples): rare options count as much as idle. */
  balanced_accuracy_heldout: number
  class_weight_power: number
  /** Held-out accuracy per scripted label. */
  per_option: Record<string, OptionAccuracy>
  threshold: number
  passed: boolean
  final_loss: number
}

/** Deterministic split into training and held-out sample indices (blocks of consecutive samples). */
export function splitIndices(n: number, seed: number, fraction = HELDOUT_FRACTION): { train: Int32Array; heldout: Int32Array } {
  if (n < 2) return { train: Int32Array.from({ length: n }, (_, k) => k), heldout: new Int32Array(0) }
  const blockSize = Math.min(256, Math.max(1, Math.floor(n / 50)))
  const blocks = Math.ceil(n / blockSize)
  const order = Int32Array.from({ length: blocks }, (_, k) => k)
  const rng = xoroshiro128plus((seed ^ 0x2545f491) | 0)
  for (let k = blocks - 1; k > 0; k--) {
    const j = nextInt(rng, k + 1)
    ;[order[k], order[j]] = [order[j]!, order[k]!]
  }
  const heldBlocks = new Set(order.subarray(0, Math.max(1, Math.round(blocks * fraction))))
  const train: number[] = []
  const heldout: number[] = []
  for (let s = 0; s < n; s++) (heldBlocks.has(Math.floor(s / blockSize)) ? heldout : train).push(s)
  return { train: Int32Array.from(train), heldout: Int32Array.from(heldout) }
}

export function trainingSet(data: DatasetData): TrainingSet {
  const [c, h, w] = data.meta.map_shape
  return { inputs: data.observations, labels: data.labels, masks: data.masks, mapSize: c * h * w, featureSize: data.meta.feature_names.length, outputs: data.meta.options.length }
}

/** Masked-argmax accuracy over the rows, in total and per label. */
export function evaluate(params: MlpParams, set: TrainingSet, rows: Int32Array, options: readonly string[]): { accuracy: number; perOption: Record<string, OptionAccuracy> } {
  const logits = forwardRows(params, set.inputs, rows)
  const O = set.outputs
  const samples = new Array<number>(O).fill(0)
  const correct = new Array<number>(O).fill(0)
  for (let r = 0; r < rows.length; r++) {
    const s = rows[r]!
    const label = set.labels[s]!
    samples[label]! += 1
    if (maskedArgmax(logits, r * O, set.masks, s * O, O) === label) correct[label]! += 1
  }
  const total = correct.reduce((a, b) => a + b, 0)
  const perOption = Object.fromEntries(options.map((o, k) => [o, { samples: samples[k]!, correct: correct[k]!, accuracy: samples[k]! > 0 ? correct[k]! / samples[k]! : null }]))
  return { accuracy: rows.length > 0 ? total / rows.length : 0, perOption }
}

/** Train on the dataset and grade the result; deterministic for (dataset, options). */
export function trainBc(data: DatasetData, options: TrainBcOptions): { params: MlpParams; report: TrainBcReport } {
  const set = trainingSet(data)
  const { train, heldout } = splitIndices(data.meta.samples, options.seed)
  const epochs = options.epochs ?? DEFAULT_EPOCHS
  const threshold = options.threshold ?? DEFAULT_THRESHOLD
  let finalLoss = Number.NaN
  const power = options.classWeightPower ?? DEFAULT_CLASS_WEIGHT_POWER
  const params = trainMlp(set, train, {
    seed: options.seed,
    epochs,
    ...(power !== 0 ? { classWeights: classWeights(set.labels, train, set.outputs, power) } : {}),
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.learningRate !== undefined ? { learningRate: options.learningRate } : {}),
    ...(options.hidden !== undefined ? { hidden: options.hidden } : {}),
    onEpoch: (epoch, loss) => {
      finalLoss = loss
      options.onEpoch?.(epoch, loss)
    }
  })
  const trainEval = evaluate(params, set, train, data.meta.options)
  const heldEval = evaluate(params, set, heldout, data.meta.options)
  return {
    params,
    report: {
      samples: data.meta.samples,
      train_samples: train.length,
      heldout_samples: heldout.length,
      seed: options.seed,
      epochs,
      accuracy_train: trainEval.accuracy,
      accuracy_heldout: heldEval.accuracy,
      balanced_accuracy_heldout: balanced(heldEval.perOption),
      class_weight_power: power,
      per_option: heldEval.perOption,
      threshold,
      passed: heldout.length > 0 && heldEval.accuracy >= threshold,
      final_loss: finalLoss
    }
  }
}

function balanced(perOption: Record<string, OptionAccuracy>): number {
  const present = Object.values(perOption).filter((o) => o.accuracy !== null)
  return present.length > 0 ? present.reduce((sum, o) => sum + o.accuracy!, 0) / present.length : 0
}
