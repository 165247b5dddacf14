import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigErrorDetailsSchema } from '../../shared/contract/dto/config-summary'
import { repoRoot } from '../host/test-host'
import { Simulation } from '../shard/simulation'
import { describeOverrides, withOverrides } from './config-overrides'
import { loadConfigFile, loadEmbeddedDefault, parseConfigText, type LoadedConfig } from './load-config'
import { testWorkspace } from '../fs/testing/test-workspace'

function loadText(text: string): LoadedConfig {
  const result = parseConfigText(text, 'test.yaml')
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`)
  return result.value
}

function issuesOf(result: ReturnType<typeof withOverrides>) {
  if (result.ok) throw new Error('expected an invalid config')
  expect(result.error.code).toBe('config.invalid')
  return ConfigErrorDetailsSchema.parse(result.error.details).issues
}

const DRAWN_WITH_PLACED_AGENTS = `config_id: drawn
seed: 3
world:
  layout:
    map: |
      #######
      #.F.S.#
      #.H.B.#
      #.....#
      #######
    homes:
      - { id: flat, area: [1, 1, 5, 3] }
  agents:
    - { id: ann, needs: { hunger: 0.2 }, wallet: 9 }
    - { id: ben, home: flat }
    - { id: cat, at: [1, 3] }
    - { id: dot }
`

describe('withOverrides', () => {
  it('returns the same config when nothing is overridden', () => {
    const loaded = loadEmbeddedDefault()
    expect(value(withOverrides(loaded, {}))).toBe(loaded)
  })

  it('replaces the seed in the config and its summary, leaving the original alone', () => {
    const loaded = loadEmbeddedDefault()
    const next = value(withOverrides(loaded, { seed: 7 }))
    expect(next.config.seed).toBe(7)
    expect(next.summary.seed).toBe(7)
    expect(next.summary.sha256).toBe(loaded.summary.sha256)
    expect(loaded.config.seed).toBe(20261124)
    expect(next.config.world.layout).toBeDefined()
  })

  it('turns a drawn town into a generated one sized to the population, keeping the jobs', () => {
    const loaded = loadEmbeddedDefault()
    const next = value(withOverrides(loaded, { agents: 50 }))
    expect(next.config.world.population).toBe(50)
    expect(next.config.world.layout).toBeUndefined()
    expect(next.config.world.generate).toEqual({ agents_per_household: 4, households_per_workplace: 20, beds_per_household: 2 })
    expect(next.config.jobs).toEqual(loaded.config.jobs)
    expect(loaded.config.world.layout).toBeDefined()
    const sim = new Simulation(next)
    expect(sim.world.state.agents.count).toBe(50)
    expect(sim.world.params.homes.length).toBe(13)
    expect(sim.world.params.jobs.map((j) => [j.id, j.wage])).toEqual([
      ['grocer', 0.02],
      ['barista', 0.025]
    ])
  })

  it('drops hand-placed agents that point into the drawn map and keeps the others', () => {
    const next = value(withOverrides(loadText(DRAWN_WITH_PLACED_AGENTS), { agents: 5 }))
    expect(next.config.world.agents.map((a) => a.id)).toEqual(['ann', 'dot'])
    const sim = new Simulation(next)
    expect(sim.world.state.agents.ids.slice(0, 2)).toEqual(['ann', 'dot'])
    expect(sim.world.state.agents.cols.wallet[0]).toBe(9)
  })

  it('keeps the first N hand-placed agents when there are more than N', async () => {
    const loaded = value(await loadConfigFile(join(repoRoot, 'configs/scenarios/kitchen_breakfast.yaml'), await testWorkspace()))
    const next = value(withOverrides(loaded, { agents: 3 }))
    expect(next.config.world.agents.map((a) => a.id)).toEqual(['alice', 'bob', 'cara'])
    expect(new Simulation(next).world.state.agents.count).toBe(3)
  })

  it('answers config.invalid for an override the schema refuses, without throwing', () => {
    const loaded = loadEmbeddedDefault()
    expect(issuesOf(withOverrides(loaded, { seed: -1 }))[0]).toMatchObject({ path: 'seed' })
    expect(issuesOf(withOverrides(loaded, { agents: 1.5 }))[0]).toMatchObject({ path: 'world.population' })
    const bad = withOverrides(loaded, { agents: -3 })
    expect(!bad.ok && bad.error.message).toContain('with agents=-3')
  })

  it('answers config.invalid when the overridden town does not build', () => {
    // A generated town shrinks with its population: a tile picked on the big one falls off.
    const loaded = loadText('config_id: gen\nseed: 1\nworld:\n  population: 400\n  generate: {}\n  agents:\n    - { id: far, at: [60, 60] }\n')
    expect(issuesOf(withOverrides(loaded, { agents: 4 }))).toEqual([expect.objectContaining({ path: 'world.agents.0.at' })])
  })

  it('describes overrides for messages', () => {
    expect(describeOverrides({ agents: 5, seed: 2 })).toBe('agents=5 seed=2')
    expect(describeOverrides({})).toBe('no overrides')
  })
})
