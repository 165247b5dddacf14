import fc from 'fast-check'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { describe, expect, it } from 'vitest'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { nextFloat } from '../../sim/rng/rng-streams'
import { initMlp, roundToFloat32 } from '../bc/mlp'
import { exportMlpOnnx, verifyExport, type ModelMetadata } from './export-mlp'
import { checkModelFits, readModelInfo } from './model-file'

function meta(mapShape: [number, number, number], features: number): ModelMetadata {
  return {
    variant: 'hybrid',
    mapShape,
    mapChannels: Array.from({ length: mapShape[0] }, (_, k) => `ch${k}`),
    featureNames: Array.from({ length: features }, (_, k) => `f${k}`),
    options: AGENT_OPTIONS,
    dataset: 'unit',
    seed: 3,
    accuracy: 0.9
  }
}

function randomBatch(n: number, size: number, seed: number, scale: number): Float32Array {
  const rng = xoroshiro128plus(seed)
  // Mostly zeros with a few larger values, like one-hot map channels next to dense features.
  return Float32Array.from({ length: n * size }, () => (nextFloat(rng) < 0.7 ? 0 : (nextFloat(rng) * 2 - 1) * scale))
}

describe('exportMlpOnnx', () => {
  it('writes a model whose metadata and I/O readModelInfo reads back', () => {
    const params = initMlp({ mapSize: 2 * 3 * 3, featureSize: 5, outputs: 7 }, 1)
    const info = readModelInfo(exportMlpOnnx(params, meta([2, 3, 3], 5)))
    expect(info.ok).toBe(true)
    if (!info.ok) return
    expect(info.value.inputs).toEqual([
      { name: 'map', elemType: 'float', shape: ['batch', 2, 3, 3] },
      { name: 'features', elemType: 'float', shape: ['batch', 5] }
    ])
    expect(info.value.outputs).toEqual([{ name: 'logits', elemType: 'float', shape: ['batch', 7] }])
    expect(info.value.irVersion).toBe(8)
    expect(info.value.opset).toBe(13)
    expect(info.value.metadata['townlet.options']).toBe(AGENT_OPTIONS.join(','))
    expect(info.value.metadata['townlet.seed']).toBe('3')
  })

  it('onnxruntime gives the TypeScript forward pass for random weights and batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 17 }),
        fc.integer({ min: 0, max: 2 ** 30 }),
        async (channels, side, features, n, seed) => {
          const mapSize = channels * side * side
          const params = initMlp({ mapSize, featureSize: features, outputs: 7, hidden: [8, 6] }, seed)
          const rng = xoroshiro128plus(seed ^ 77)
          for (let k = 0; k < params.mean.length; k++) {
            params.mean[k] = nextFloat(rng) - 0.5
            params.invStd[k] = nextFloat(rng) < 0.1 ? 0 : 0.5 + nextFloat(rng) * 3
          }
          for (const b of [params.b1, params.b2, params.b3]) for (let k = 0; k < b.length; k++) b[k] = nextFloat(rng) - 0.5
          roundToFloat32(params)
          const bytes = exportMlpOnnx(params, meta([channels, side, side], features))
          const sample = { map: randomBatch(n, mapSize, seed, 3), features: randomBatch(n, features, seed + 1, 10), n }
          const verified = await verifyExport(bytes, params, sample)
          expect(verified).toMatchObject({ ok: true })
        }
      ),
      { numRuns: 15 }
    )
  })

  it('checkModelFits accepts the spec it was exported for', () => {
    const params = initMlp({ mapSize: 2 * 3 * 3, featureSize: 5, outputs: 7 }, 1)
    const m = meta([2, 3, 3], 5)
    const info = readModelInfo(exportMlpOnnx(params, m))
    if (!info.ok) throw new Error(info.error.message)
    const spec = {
      variant: 'hybrid' as const,
      mapShape: [2, 3, 3] as const,
      mapChannels: m.mapChannels,
      featureNames: m.featureNames,
      featureIndex: {},
      mapSize: 18,
      featureSize: 5
    }
    expect(checkModelFits(info.value, spec, AGENT_OPTIONS)).toEqual({ ok: true, value: undefined })
  })
})
