import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfigFile, type LoadedConfig } from '../../config/load-config'
import { loadOnnxPolicy } from '../runtime/onnx-policy'
import { captureDataset, captureWithPolicy } from './capture'
import { concatDatasets } from './dataset'
import { testWorkspace } from '../../fs/testing/test-workspace'

const RELEASE = resolve(__dirname, '../../../configs/policies/release.onnx')

async function defaultConfig(): Promise<LoadedConfig> {
  const loaded = await loadConfigFile(resolve(__dirname, '../../../configs/default.yaml'), await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

const withRelease = (anneal: number) => ({ anneal, load: (spec: Parameters<typeof loadOnnxPolicy>[1]) => loadOnnxPolicy(RELEASE, spec) })

describe('dataset aggregation: a model drives, the controller labels', () => {
  it('records the states the model reaches, labelled by the controller, the same way every time', async () => {
    const loaded = await defaultConfig()
    const first = await captureWithPolicy(loaded, { ticks: 200, created: 'c', ...withRelease(0.8) })
    const second = await captureWithPolicy(loaded, { ticks: 200, created: 'c', ...withRelease(0.8) })
    expect(first.data.meta.samples).toBeGreaterThan(100)
    expect(first.data.meta.driven_by).toMatchObject({ model: 'release.onnx', anneal_ratio: 0.8, policy_hash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(Buffer.from(second.data.observations.buffer).equals(Buffer.from(first.data.observations.buffer))).toBe(true)
    expect([...second.data.labels]).toEqual([...first.data.labels])
    // The capture did not change the caller's config (its anneal ratio is the capture's own).
    expect(loaded.config.policy.anneal.ratio).toBe(1)
    const scripted = captureDataset(loaded, { ticks: 200, created: 'c' })
    expect(scripted.data.meta.driven_by).toBeNull()
    // Same labels only where the runs agree: the model's run reaches other states.
    expect(first.world.state.tick).toBe(scripted.world.state.tick)
  })

  it('trains on several datasets with one observation layout, and refuses to mix layouts', async () => {
    const loaded = await defaultConfig()
    const a = captureDataset(loaded, { ticks: 100, created: 'c' }).data
    const b = (await captureWithPolicy(loaded, { ticks: 100, created: 'c', ...withRelease(1) })).data
    const joined = concatDatasets([a, b])
    expect(joined.ok).toBe(true)
    if (!joined.ok) return
    expect(joined.value.meta.samples).toBe(a.meta.samples + b.meta.samples)
    expect(joined.value.labels.length).toBe(a.labels.length + b.labels.length)
    expect(joined.value.observations.subarray(a.observations.length)).toEqual(b.observations)
    const compact = structuredClone(loaded)
    compact.config.features.systems.observations = 'compact'
    const c = captureDataset(compact, { ticks: 50, created: 'c' }).data
    const mixed = concatDatasets([a, c])
    expect(mixed).toMatchObject({ ok: false, error: { code: 'policy.invalid_dataset', message: expect.stringContaining('differ in variant') } })
  })
})
