import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { auditVersions, formatAudit } from './audit'
import { sha256Hex, writeDataset } from './dataset'
import { registerDataset, updateVersions } from './versions-registry'

async function setup() {
  const root = await mkdtemp(join(tmpdir(), 'townlet-audit-'))
  const versions = join(root, 'versions.json')
  const dir = join(root, 'ds')
  const { manifestSha256 } = await writeDataset(dir, {
    meta: { schema_version: 1, variant: 'compact', map_shape: [1, 1, 1], map_channels: ['c'], feature_names: ['f'], options: ['idle', 'eat'], samples: 2, config_id: 't', seed: 1, ticks: 2, every: 1, created: 'c', driven_by: null },
    observations: new Float32Array([0, 1, 2, 3]),
    labels: new Uint8Array([0, 1]),
    masks: new Uint8Array([1, 1, 1, 1])
  })
  await registerDataset(versions, 'ds', { dir, manifestSha256, created: 'c', samples: 2 })
  const model = new Uint8Array([1, 2, 3])
  await writeFile(join(root, 'm.onnx'), model)
  await updateVersions(versions, (v) => {
    v.models.m = { file: 'm.onnx', sha256: sha256Hex(model), dataset: 'ds', seed: 1, accuracy: 0.9, observation_variant: 'compact', options: ['idle', 'eat'] }
  })
  return { root, versions, dir }
}

describe('auditVersions', () => {
  it('passes a consistent registry, warning about a model without its sidecar', async () => {
    const { versions } = await setup()
    const report = await auditVersions(versions)
    expect(report.failures).toBe(0)
    expect(report.warnings).toBe(1)
    expect(report.ok).toBe(true)
    expect(formatAudit(report)).toContain('warning: its sidecar manifest is missing')
  })

  it('fails on a missing dataset file and a missing model', async () => {
    const { root, versions, dir } = await setup()
    await rm(join(dir, 'observations.f32.gz'))
    await rm(join(root, 'm.onnx'))
    const report = await auditVersions(versions)
    expect(report.ok).toBe(false)
    const messages = report.entries.flatMap((e) => e.findings.filter((f) => f.level === 'fail').map((f) => f.message))
    expect(messages).toEqual(['observations.f32.gz is missing', 'm.onnx is missing'])
  })

  it('fails on an edited manifest and still checks the files it lists', async () => {
    const { versions, dir } = await setup()
    await writeFile(join(dir, 'labels.bin'), new Uint8Array([1, 1]))
    const manifest = join(dir, 'manifest.json')
    await writeFile(manifest, `${JSON.stringify({ schema_version: 1, files: [{ name: 'labels.bin', sha256: sha256Hex(new Uint8Array([1, 0])), bytes: 2 }] })}\n`)
    const report = await auditVersions(versions)
    const ds = report.entries.find((e) => e.name === 'ds')!
    expect(ds.findings.map((f) => f.message)).toEqual([expect.stringContaining('versions.json pins'), expect.stringContaining('labels.bin does not match the manifest')])
  })
})
