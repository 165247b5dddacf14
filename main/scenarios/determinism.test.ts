/**
 * Determinism is the oracle of the engine: the same config and seed give the same state hash,
 * in one process and across processes; another seed gives another hash; and the initial state
 * plus the input log replays to the same hash without the policy.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfigFile, type LoadedConfig } from '../config/load-config'
import { Simulation } from '../shard/simulation'
import { hashWorld } from '../sim/hash/hash-world'
import { replay } from '../sim/input-log'
import { CONFIGS_DIR } from './scenario-harness'
import { testWorkspace } from '../fs/testing/test-workspace'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const DEFAULT = resolve(CONFIGS_DIR, 'default.yaml')
const TICKS = 1500

async function load(path = DEFAULT, patch: (l: LoadedConfig) => LoadedConfig = (l) => l): Promise<LoadedConfig> {
  const loaded = await loadConfigFile(path, await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  return patch(loaded.value)
}

function run(loaded: LoadedConfig, ticks = TICKS): Simulation {
  const sim = new Simulation(loaded)
  for (let t = 0; t < ticks; t++) sim.step()
  return sim
}

const withSeed = (seed: number) => (l: LoadedConfig) => ({ ...l, config: { ...l.config, seed } })
const generated = (population: number) => (l: LoadedConfig) => ({
  ...l,
  config: { ...l.config, world: { ...l.config.world, population, layout: undefined, generate: { agents_per_household: 4, households_per_workplace: 5, beds_per_household: 2 } } }
})

describe('determinism', () => {
  it('gives the same hash for the same config and seed, twice in one process', async () => {
    const loaded = await load()
    const a = hashWorld(run(loaded).world, sha256)
    const b = hashWorld(run(loaded).world, sha256)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(b).toBe(a)
  })

  it('gives a different hash for a different seed', async () => {
    const a = hashWorld(run(await load(DEFAULT, generated(40))).world, sha256)
    const b = hashWorld(run(await load(DEFAULT, (l) => withSeed(99)(generated(40)(l)))).world, sha256)
    expect(b).not.toBe(a)
  })

  it('gives the same hash in another process', async () => {
    const here = hashWorld(run(await load(), TICKS).world, sha256)
    const child = execFileSync(process.execPath, ['--import', 'tsx', resolve(__dirname, 'hash-run.ts'), DEFAULT, resolve(CONFIGS_DIR, 'affordances/core.yaml'), String(TICKS)], {
      encoding: 'utf8',
      cwd: resolve(__dirname, '../..')
    }).trim()
    expect(child).toBe(here)
  })

  it('replays the initial state plus the input log to the same hash, without the policy', async () => {
    const loaded = await load(DEFAULT, generated(60))
    const live = run(loaded)
    const inputs = live.log.list()
    expect(inputs.length).toBeGreaterThan(0)
    expect(inputs.some((e) => e.decisions.length > 0)).toBe(true)
    const again = new Simulation(loaded)
    replay(again.world, inputs, TICKS)
    expect(hashWorld(again.world, sha256)).toBe(hashWorld(live.world, sha256))
  })

  it('replays console operations at their tick too', async () => {
    const loaded = await load()
    const live = new Simulation(loaded)
    for (let t = 0; t < 300; t++) {
      if (t === 100) live.enqueue({ op: 'set_need', agent: 2, need: 'hunger', value: 0.05 })
      if (t === 150) live.enqueue({ op: 'set_utility', utility: 'water', on: false })
      live.step()
    }
    const again = new Simulation(loaded)
    replay(again.world, live.log.list(), 300)
    expect(hashWorld(again.world, sha256)).toBe(hashWorld(live.world, sha256))
    expect(again.world.state.utilities.water).toBe(false)
  })
})
