import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readDataset, writeDataset, type DatasetData } from './dataset'
import { datasetEntryFor, readVersions, registerDataset } from './versions-registry'

function data(samples: number, values: number[] = []): DatasetData {
  const size = 2 * 2 * 2 + 3
  return {
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
    observations: Float32Array.from({ length: samples * size }, (_, k) => values[k % Math.max(values.length, 1)] ?? k / 7),
    labels: Uint8Array.from({ length: samples }, (_, k) => k % 3),
    masks: Uint8Array.from({ length: samples * 3 }, (_, k) => (k % 3 === 0 || k % 5 !== 0 ? 1 : 0))
  }
}

const tmp = () => mkdtemp(join(tmpdir(), 'townlet-bc-'))

describe('dataset files', () => {
  it('round-trip exactly, float32 values included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 20 }), fc.array(fc.float({ noNaN: true }), { minLength: 1, maxLength: 30 }), async (n, values) => {
        const dir = await tmp()
        const written = data(n, values)
        const { manifestSha256 } = await writeDataset(dir, written)
        const read = await readDataset(dir, { expectedManifestSha256: manifestSha256 })
        if (!read.ok) throw new Error(read.error.message)
        expect(Array.from(read.value.observations)).toEqual(Array.from(written.observations))
        expect(read.value.labels).toEqual(written.labels)
        expect(read.value.masks).toEqual(written.masks)
        expect(read.value.meta).toEqual(written.meta)
      }),
      { numRuns: 10 }
    )
  })

  it('refuse a file with a flipped byte, naming it', async () => {
    const dir = await tmp()
    await writeDataset(dir, data(10))
    const path = join(dir, 'masks.bin')
    const bytes = await readFile(path)
    bytes[3]! ^= 0x01
    await writeFile(path, bytes)
    const read = await readDataset(dir)
    expect(read).toMatchObject({ ok: false, error: { code: 'policy.checksum_mismatch', details: { file: path } } })
    if (!read.ok) expect(read.error.message).toMatch(/^masks\.bin of dataset .* does not match its manifest/)
  })

  it('refuse a manifest that differs from the one versions.json pins', async () => {
    const dir = await tmp()
    await writeDataset(dir, data(4))
    const read = await readDataset(dir, { expectedManifestSha256: 'a'.repeat(64) })
    expect(read).toMatchObject({ ok: false, error: { code: 'policy.checksum_mismatch' } })
  })

  it('refuse a folder that is not a dataset', async () => {
    const read = await readDataset(await tmp())
    expect(read).toMatchObject({ ok: false, error: { code: 'policy.invalid_dataset', message: expect.stringContaining('townlet policy capture') } })
  })

  it('are registered in versions.json with paths relative to it', async () => {
    const root = await tmp()
    const versionsPath = join(root, 'configs/policies/versions.json')
    const dir = join(root, 'data/bc/one')
    const { manifestSha256 } = await writeDataset(dir, data(3))
    await registerDataset(versionsPath, 'one', { dir, manifestSha256, created: 'c', samples: 3 })
    const read = await readVersions(versionsPath)
    if (!read.ok) throw new Error(read.message)
    expect(read.versions.datasets.one).toEqual({ manifest: '../../data/bc/one/manifest.json', dir: '../../data/bc/one', created: 'c', samples: 3, status: 'active', sha256: manifestSha256 })
    expect(datasetEntryFor(versionsPath, read.versions, dir)?.name).toBe('one')
  })
})
