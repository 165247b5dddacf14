import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { loadConfigFile, type LoadedConfig } from '../../config/load-config'
import { repoRoot } from '../../host/test-host'
import { compileOrThrow } from '../../shard/simulation'
import { hashWorld } from '../../sim/hash/hash-world'
import { tick } from '../../sim/tick'
import { createWorld } from '../../sim/town/create-world'
import { decideScripted } from '../scripted/scripted-controller'
import { captureDataset } from './capture'
import { testWorkspace } from '../../fs/testing/test-workspace'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')
let loaded: LoadedConfig

beforeAll(async () => {
  const read = await loadConfigFile(join(repoRoot, 'configs/default.yaml'), await testWorkspace())
  if (!read.ok) throw new Error(read.error.message)
  loaded = read.value
})

describe('captureDataset', () => {
  it('runs exactly the scripted run', () => {
    const captured = captureDataset(loaded, { ticks: 200, created: 'now' })
    const created = createWorld(loaded.config, compileOrThrow(loaded.affordances.manifest))
    if (!created.ok) throw new Error('world')
    for (let t = 0; t < 200; t++) tick(created.world, { decisions: decideScripted(created.world), console: [] })
    expect(hashWorld(captured.world, sha)).toBe(hashWorld(created.world, sha))
  })

  it('records observations, masks and labels consistently, and deterministically', () => {
    const a = captureDataset(loaded, { ticks: 150, created: 'now' })
    const b = captureDataset(loaded, { ticks: 150, created: 'now' })
    const { meta } = a.data
    const rowSize = meta.map_shape[0] * meta.map_shape[1] * meta.map_shape[2] + meta.feature_names.length
    expect(meta.samples).toBeGreaterThan(0)
    expect(a.data.observations.length).toBe(meta.samples * rowSize)
    expect(a.data.masks.length).toBe(meta.samples * AGENT_OPTIONS.length)
    expect(Object.values(a.labelCounts).reduce((x, y) => x + y, 0)).toBe(meta.samples)
    // idle is always available.
    for (let s = 0; s < meta.samples; s++) expect(a.data.masks[s * AGENT_OPTIONS.length]).toBe(1)
    expect(a.labelOutsideMask).toBeLessThan(meta.samples * 0.02)
    expect(Buffer.from(a.data.observations.buffer).equals(Buffer.from(b.data.observations.buffer))).toBe(true)
    expect(a.data.labels).toEqual(b.data.labels)
  })

  it('--every keeps about one sample in k, a subset of the full capture, without changing the run', () => {
    const all = captureDataset(loaded, { ticks: 300, created: 'now' })
    const thin = captureDataset(loaded, { ticks: 300, every: 3, created: 'now' })
    const ratio = thin.data.meta.samples / all.data.meta.samples
    expect(ratio).toBeGreaterThan(0.25)
    expect(ratio).toBeLessThan(0.42)
    expect(hashWorld(thin.world, sha)).toBe(hashWorld(all.world, sha))
    expect(thin.data.meta.every).toBe(3)
  })
})
