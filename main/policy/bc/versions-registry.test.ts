import { mkdir, mkdtemp, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commitFileSet, recoverFileSet } from '../../fs/publish-set'
import { sha256Hex } from './dataset'
import { readVersions, registerDataset } from './versions-registry'

describe('updateVersions', () => {
  it('finishes an interrupted publish first, so its read-modify-write does not lose the model', async () => {
    const root = await mkdtemp(join(tmpdir(), 'townlet-versions-'))
    const versions = join(root, 'policies', 'versions.json')
    const model = join(root, 'policies', 'first.onnx')
    await mkdir(dirname(versions), { recursive: true })
    const entry = { file: 'first.onnx', sha256: sha256Hex('first model'), dataset: 'unit', seed: 1, accuracy: 0.9, observation_variant: 'hybrid', options: ['idle'] }
    // A publish of "first" crashed just after its commit point: only its journal and temps exist.
    const crashed = commitFileSet(
      [
        { path: model, data: 'first model' },
        { path: versions, data: `${JSON.stringify({ datasets: {}, models: { first: entry } })}\n` }
      ],
      { journalDir: dirname(versions), hooks: { afterJournal: () => Promise.reject(new Error('crash (simulated)')) } }
    )
    await expect(crashed).rejects.toThrow('crash (simulated)')
    await registerDataset(versions, 'ds', { dir: join(root, 'data', 'ds'), manifestSha256: sha256Hex('manifest'), created: 'c', samples: 2 })
    // A later recovery must find nothing left to do (else it would bring back the old registry).
    expect(await recoverFileSet(dirname(versions))).toEqual({ rolledForward: [], removedTemps: [], problems: [] })
    const read = await readVersions(versions)
    expect(read.ok && { datasets: Object.keys(read.versions.datasets), models: Object.keys(read.versions.models) }).toEqual({ datasets: ['ds'], models: ['first'] })
    expect((await readdir(dirname(versions))).sort()).toEqual(['first.onnx', 'versions.json'])
  })
})
