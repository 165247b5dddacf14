import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { describe, expect, it } from 'vitest'
import { nextFloat } from '../../sim/rng/rng-streams'
import { forwardRows, maskedArgmax } from './mlp'
import { splitIndices, trainBc } from './train-bc'
import { classWeights, inputStats, trainMlp, type TrainingSet } from './train-mlp'
import type { DatasetData } from './dataset'

/**
 * A toy problem shaped like the real one: a sparse one-hot "map" whose hot cell decides the
 * label among 3 classes, dense features with an offset and scale the normaliser must undo, and a
 * mask that sometimes forbids the class the map points to (then the label is the next allowed one).
 */
function toy(n: number, seed: number): TrainingSet {
  const mapSize = 12
  const featureSize = 3
  const outputs = 3
  const m = mapSize + featureSize
  const rng = xoroshiro128plus(seed)
  const inputs = new Float32Array(n * m)
  const labels = new Uint8Array(n)
  const masks = new Uint8Array(n * outputs).fill(1)
  for (let s = 0; s < n; s++) {
    const cell = Math.floor(nextFloat(rng) * mapSize)
    inputs[s * m + cell] = 1
    for (let f = 0; f < featureSize; f++) inputs[s * m + mapSize + f] = 50 + 20 * nextFloat(rng)
    let label = cell % outputs
    if (nextFloat(rng) < 0.2) {
      masks[s * outputs + label] = 0
      label = (label + 1) % outputs
    }
    labels[s] = label
  }
  return { inputs, labels, masks, mapSize, featureSize, outputs }
}

function accuracy(set: TrainingSet, rows: Int32Array, params: ReturnType<typeof trainMlp>): number {
  const logits = forwardRows(params, set.inputs, rows)
  let hit = 0
  rows.forEach((s, r) => {
    if (maskedArgmax(logits, r * set.outputs, set.masks, s * set.outputs, set.outputs) === set.labels[s]) hit++
  })
  return hit / rows.length
}

describe('trainMlp', () => {
  it('learns a toy problem through the mask, with inputs far from zero mean', () => {
    const set = toy(1200, 5)
    const { train, heldout } = splitIndices(1200, 1)
    const params = trainMlp(set, train, { seed: 1, epochs: 20, hidden: [16, 16], learningRate: 3e-3 })
    expect(accuracy(set, heldout, params)).toBeGreaterThan(0.95)
  })

  it('gives the same weights for the same seed and different ones for another', () => {
    const set = toy(300, 2)
    const rows = Int32Array.from({ length: 300 }, (_, k) => k)
    const a = trainMlp(set, rows, { seed: 9, epochs: 2, hidden: [8, 8] })
    const b = trainMlp(set, rows, { seed: 9, epochs: 2, hidden: [8, 8] })
    const c = trainMlp(set, rows, { seed: 10, epochs: 2, hidden: [8, 8] })
    expect(Array.from(a.w1)).toEqual(Array.from(b.w1))
    expect(Array.from(a.b3)).toEqual(Array.from(b.b3))
    expect(Array.from(a.w1)).not.toEqual(Array.from(c.w1))
  })

  it('ignores inputs that never vary and stores float32-exact weights', () => {
    const set = toy(200, 3)
    const rows = Int32Array.from({ length: 200 }, (_, k) => k)
    const stats = inputStats({ ...set, inputs: set.inputs.map((v, k) => (k % 15 === 14 ? 7 : v)) }, rows)
    expect(stats.invStd[14]).toBe(0)
    expect(stats.invStd[13]).toBeGreaterThan(0)
    const params = trainMlp(set, rows, { seed: 1, epochs: 1, hidden: [4, 4] })
    expect(Array.from(params.w2).every((v) => Math.fround(v) === v)).toBe(true)
  })
})

describe('classWeights', () => {
  it('lifts rare labels, averages 1 over the samples, and is flat at power 0', () => {
    const labels = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2])
    const rows = Int32Array.from({ length: labels.length }, (_, k) => k)
    const w = classWeights(labels, rows, 4, 0.5)
    expect(w[1]! / w[0]!).toBeCloseTo(2)
    expect(w[2]! / w[0]!).toBeCloseTo(Math.sqrt(8))
    expect(w[3]).toBe(0)
    expect(Array.from(labels).reduce((sum, l) => sum + w[l]!, 0)).toBeCloseTo(labels.length)
    expect(Array.from(classWeights(labels, rows, 3, 0))).toEqual([1, 1, 1])
  })
})

describe('splitIndices', () => {
  it('partitions every sample once, deterministically per seed, about a fifth held out', () => {
    const a = splitIndices(5000, 4)
    const b = splitIndices(5000, 4)
    expect(Array.from(a.heldout)).toEqual(Array.from(b.heldout))
    expect(a.train.length + a.heldout.length).toBe(5000)
    expect(new Set([...a.train, ...a.heldout]).size).toBe(5000)
    expect(a.heldout.length / 5000).toBeGreaterThan(0.15)
    expect(a.heldout.length / 5000).toBeLessThan(0.25)
    expect(Array.from(splitIndices(5000, 5).heldout)).not.toEqual(Array.from(a.heldout))
  })
})

describe('trainBc', () => {
  it('reports per-option accuracy and gates on the threshold', () => {
    const set = toy(600, 8)
    const data: DatasetData = {
      meta: {
        schema_version: 1,
        variant: 'compact',
        map_shape: [3, 2, 2],
        map_channels: ['a', 'b', 'c'],
        feature_names: ['x', 'y', 'z'],
        options: ['p', 'q', 'r'],
        samples: 600,
        config_id: 't',
        seed: 1,
        ticks: 600,
        every: 1,
        created: '2026-01-01T00:00:00.000Z',
        driven_by: null
      },
      observations: set.inputs,
      labels: set.labels,
      masks: set.masks
    }
    const passed = trainBc(data, { seed: 2, epochs: 4, hidden: [16, 16], learningRate: 3e-3, threshold: 0.5 })
    expect(passed.report.passed).toBe(true)
    expect(Object.keys(passed.report.per_option)).toEqual(['p', 'q', 'r'])
    const total = Object.values(passed.report.per_option).reduce((a, o) => a + o.samples, 0)
    expect(total).toBe(passed.report.heldout_samples)
    expect(trainBc(data, { seed: 2, epochs: 1, hidden: [4, 4], threshold: 1.01 }).report.passed).toBe(false)
  })
})
