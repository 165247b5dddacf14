import { describe, expect, it } from 'vitest'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import type { ObservationSpec } from '../observations/observation-types'
import { initMlp } from '../bc/mlp'
import { exportMlpOnnx, type ModelMetadata } from './export-mlp'
import { checkModelFits, readModelInfo, type ModelInfo } from './model-file'

const channels = ['self', 'agents', 'objects', 'reservations']
const features = ['hunger', 'hygiene', 'energy', 'wallet']

function spec(variant: 'hybrid' | 'compact', mapShape: [number, number, number], featureNames = features): ObservationSpec {
  return {
    variant,
    mapShape,
    mapChannels: channels.slice(0, mapShape[0]),
    featureNames,
    featureIndex: Object.fromEntries(featureNames.map((f, k) => [f, k])),
    mapSize: mapShape[0] * mapShape[1] * mapShape[2],
    featureSize: featureNames.length
  }
}

function model(overrides: Partial<ModelMetadata> = {}): ModelInfo {
  const m: ModelMetadata = {
    variant: 'hybrid',
    mapShape: [4, 11, 11],
    mapChannels: channels,
    featureNames: features,
    options: AGENT_OPTIONS,
    dataset: 'd',
    seed: 1,
    accuracy: 0.9,
    ...overrides
  }
  const params = initMlp({ mapSize: m.mapShape[0] * m.mapShape[1] * m.mapShape[2], featureSize: m.featureNames.length, outputs: m.options.length, hidden: [4, 4] }, 1)
  const info = readModelInfo(exportMlpOnnx(params, m))
  if (!info.ok) throw new Error(info.error.message)
  return info.value
}

describe('readModelInfo', () => {
  it('refuses a file that is not ONNX', () => {
    const result = readModelInfo(new TextEncoder().encode('config_id: default\nseed: 1\n# a YAML file, not a model\n'))
    expect(result).toMatchObject({ ok: false, error: { code: 'policy.invalid_model' } })
    if (!result.ok) expect(result.error.message).toMatch(/not a usable ONNX model/)
  })

  it('refuses an empty file', () => {
    expect(readModelInfo(new Uint8Array())).toMatchObject({ ok: false, error: { code: 'policy.invalid_model', message: expect.stringContaining('empty') } })
  })

  it('refuses a truncated model at any cut', () => {
    const bytes = exportMlpOnnx(initMlp({ mapSize: 8, featureSize: 2, outputs: 7, hidden: [4, 4] }, 1), {
      variant: 'compact',
      mapShape: [2, 2, 2],
      mapChannels: ['a', 'b'],
      featureNames: ['x', 'y'],
      options: AGENT_OPTIONS,
      dataset: 'd',
      seed: 1,
      accuracy: 1
    })
    for (const cut of [1, 10, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 1]) {
      expect(readModelInfo(bytes.subarray(0, cut)), `cut at ${cut}`).toMatchObject({ ok: false, error: { code: 'policy.invalid_model' } })
    }
  })
})

describe('checkModelFits', () => {
  it('accepts a model that matches', () => {
    expect(checkModelFits(model(), spec('hybrid', [4, 11, 11]), AGENT_OPTIONS)).toEqual({ ok: true, value: undefined })
  })

  it('names both variants and both fixes for a model of another variant', () => {
    const result = checkModelFits(model({ variant: 'compact', mapShape: [4, 7, 7] }), spec('hybrid', [4, 11, 11]), AGENT_OPTIONS)
    expect(result).toMatchObject({ ok: false, error: { code: 'policy.model_mismatch' } })
    if (result.ok) return
    expect(result.error.message).toBe(
      'this model was trained for the compact observation (4×7×7 map); the shard uses hybrid (4×11×11): set features.systems.observations to compact or swap in a hybrid model'
    )
  })

  it('says which feature names differ', () => {
    const result = checkModelFits(model({ featureNames: ['hunger', 'hygiene', 'energy', 'money'] }), spec('hybrid', [4, 11, 11]), AGENT_OPTIONS)
    if (result.ok) throw new Error('expected a mismatch')
    expect(result.error.message).toContain('missing from the model: wallet')
    expect(result.error.message).toContain('unknown to the shard: money')
  })

  it('says when the same features come in another order', () => {
    const result = checkModelFits(model({ featureNames: ['hygiene', 'hunger', 'energy', 'wallet'] }), spec('hybrid', [4, 11, 11]), AGENT_OPTIONS)
    if (result.ok) throw new Error('expected a mismatch')
    expect(result.error.message).toContain('another order, first at position 0 (model "hygiene", shard "hunger")')
  })

  it('refuses a model with another option set', () => {
    const options = AGENT_OPTIONS.filter((o) => o !== 'socialise')
    const result = checkModelFits(model({ options }), spec('hybrid', [4, 11, 11]), AGENT_OPTIONS)
    if (result.ok) throw new Error('expected a mismatch')
    expect(result.error.message).toContain('output "logits" has shape [batch, 6]; the shard needs [batch, 7]')
    expect(result.error.message).toContain('missing from the model: socialise')
  })

  it('refuses a feature vector of another length, and wrong tensor names', () => {
    const shard = spec('hybrid', [4, 11, 11], [...features, 'lateness'])
    const info = model()
    const result = checkModelFits({ ...info, inputs: [info.inputs[0]!, { ...info.inputs[1]!, name: 'obs' }] }, shard, AGENT_OPTIONS)
    if (result.ok) throw new Error('expected a mismatch')
    expect(result.error.message).toContain('no input named "features"')
    expect(result.error.message).toContain('inputs the shard does not feed (obs)')
    expect(result.error.message).toContain('missing from the model: lateness')
  })

  it('asks for a dynamic batch dimension', () => {
    const info = model()
    const fixed = { ...info, inputs: info.inputs.map((i) => ({ ...i, shape: [1, ...(i.shape ?? []).slice(1)] })) }
    const result = checkModelFits(fixed, spec('hybrid', [4, 11, 11]), AGENT_OPTIONS)
    if (result.ok) throw new Error('expected a mismatch')
    expect(result.error.message).toContain('fixed batch of 1')
  })

  it('refuses a model without townlet metadata', () => {
    const result = checkModelFits({ ...model(), metadata: {} }, spec('hybrid', [4, 11, 11]), AGENT_OPTIONS)
    if (result.ok) throw new Error('expected a mismatch')
    expect(result.error.message).toContain('no townlet.observation_variant metadata')
  })
})
