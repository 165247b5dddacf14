import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commitFileSet } from '../../fs/publish-set'
import type { ModelMetadata } from '../onnx/export-mlp'
import { sha256Hex, type DatasetData } from './dataset'
import { initMlp } from './mlp'
import { publishModel, sidecarPath } from './publish-model'
import { readVersions, registryPath } from './versions-registry'

/** A tiny dataset (2×2×2 map, 3 features, 3 options) and an untrained network that fits it. */
function fixture() {
  const samples = 8
  const data: DatasetData = {
    meta: {
      schema_version: 1,
      variant: 'hybrid',
      map_shape: [2, 2, 2],
      map_channels: ['self', 'agents'],
      feature_names: ['hunger', 'hygiene', 'energy'],
      options: ['idle', 'eat', 'work'],
      samples,
      config_id: 'unit',
      seed: 4,
      ticks: samples,
      every: 1,
      created: '2026-01-01T00:00:00.000Z',
      driven_by: null
    },
    observations: Float32Array.from({ length: samples * 11 }, (_, k) => (k % 13) / 13),
    labels: Uint8Array.from({ length: samples }, (_, k) => k % 3),
    masks: new Uint8Array(samples * 3).fill(1)
  }
  const params = initMlp({ mapSize: 8, featureSize: 3, outputs: 3, hidden: [4, 4] }, 7)
  const meta: ModelMetadata = { variant: 'hybrid', mapShape: [2, 2, 2], mapChannels: ['self', 'agents'], featureNames: ['hunger', 'hygiene', 'energy'], options: ['idle', 'eat', 'work'], dataset: 'unit', seed: 7, accuracy: 0.9 }
  return { data, params, meta, sample: Int32Array.from({ length: samples }, (_, k) => k) }
}

async function scratch() {
  const root = await mkdtemp(join(tmpdir(), 'townlet-publish-'))
  return { root, versions: join(root, 'policies', 'versions.json'), model: join(root, 'policies', 'models', 'small.onnx') }
}

const publish = (out: string, versionsPath: string, name: string) => {
  const f = fixture()
  return publishModel(out, f.params, f.data, f.meta, f.sample, { versionsPath, name, created: '2026-02-02T00:00:00.000Z' })
}

const hidden = async (dir: string) => (await readdir(dir)).filter((n) => n.startsWith('.'))

describe('publishModel', () => {
  it('writes the model, its sidecar and its versions.json entry, and leaves no temp or journal', async () => {
    const s = await scratch()
    const published = await publish(s.model, s.versions, 'small')
    if (!published.ok) throw new Error(published.error.message)
    const bytes = await readFile(s.model)
    expect(sha256Hex(bytes)).toBe(published.value.sha256)
    expect(JSON.parse(await readFile(sidecarPath(s.model), 'utf8')).sha256).toBe(published.value.sha256)
    const read = await readVersions(s.versions)
    expect(read.ok && read.versions.models.small).toMatchObject({ file: 'models/small.onnx', sha256: published.value.sha256 })
    expect(await hidden(dirname(s.model))).toEqual([])
    expect(await hidden(dirname(s.versions))).toEqual([])
  })

  it('changes none of the three files when one of them cannot be written', async () => {
    const s = await scratch()
    await mkdir(dirname(s.model), { recursive: true })
    await writeFile(s.model, 'old model')
    await writeFile(sidecarPath(s.model), 'old sidecar')
    // versions.json is a dangling link: readable as absent, refused when written.
    await symlink('nowhere/versions.json', s.versions)
    await expect(publish(s.model, s.versions, 'small')).rejects.toThrow(/symbolic link to nowhere\/versions\.json, which does not exist/)
    expect(await readFile(s.model, 'utf8')).toBe('old model')
    expect(await readFile(sidecarPath(s.model), 'utf8')).toBe('old sidecar')
    expect(await hidden(dirname(s.model))).toEqual([])
  })

  it('finishes an interrupted publish before it publishes, so the registry keeps both models', async () => {
    const s = await scratch()
    const first = join(dirname(s.model), 'first.onnx')
    await mkdir(dirname(first), { recursive: true })
    // An earlier publish of "first" crashed just after its commit point: journal and temps only.
    const entry = { file: registryPath(s.versions, first), sha256: sha256Hex('first model'), dataset: 'unit', seed: 1, accuracy: 0.9, observation_variant: 'hybrid', options: ['idle'] }
    const crashed = commitFileSet(
      [
        { path: first, data: 'first model' },
        { path: sidecarPath(first), data: '{}\n' },
        { path: s.versions, data: `${JSON.stringify({ datasets: {}, models: { first: entry } })}\n` }
      ],
      { journalDir: dirname(s.versions), hooks: { afterJournal: () => Promise.reject(new Error('crash (simulated)')) } }
    )
    await expect(crashed).rejects.toThrow('crash (simulated)')
    const published = await publish(s.model, s.versions, 'small')
    expect(published.ok).toBe(true)
    const read = await readVersions(s.versions)
    expect(read.ok && Object.keys(read.versions.models)).toEqual(['first', 'small'])
    expect(await readFile(first, 'utf8')).toBe('first model')
    expect(await hidden(dirname(s.model))).toEqual([])
    expect(await hidden(dirname(s.versions))).toEqual([])
  })
})
