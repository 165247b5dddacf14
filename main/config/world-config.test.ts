/**
 * Bad world configs and registries: every problem is named with its file, YAML path, line and a
 * fix, and nothing half-loads.
 */
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigErrorDetailsSchema, type ConfigIssue } from '../../shared/contract/dto/config-summary'
import { loadConfigFile, parseConfigText } from './load-config'
import { parseAffordanceText } from './load-affordances'
import { testWorkspace } from '../fs/testing/test-workspace'

const ROOM = `    map: |
      #######
      #.....#
      #.F.S.#
      #.....#
      #######
    homes:
      - { id: flat, area: [1, 1, 5, 3] }`

function issues(text: string): ConfigIssue[] {
  const result = parseConfigText(text, 'town.yaml')
  if (result.ok) throw new Error('expected an invalid config')
  return ConfigErrorDetailsSchema.parse(result.error.details).issues
}

describe('world config errors', () => {
  it('loads a drawn town with a job at its workplace', () => {
    const result = parseConfigText(`config_id: t\nseed: 1\nworld:\n  layout:\n${ROOM}\n    workplaces:\n      - { id: shop, area: [1, 3, 5, 1] }\njobs:\n  clerk: { workplace: shop, start: "09:00", end: "17:00" }\n`, 't.yaml')
    expect(result.ok).toBe(true)
  })

  it('names a job at a missing workplace, with the workplaces that exist', () => {
    const found = issues(`config_id: t\nseed: 1\nworld:\n  layout:\n${ROOM}\n    workplaces:\n      - { id: shop, area: [1, 3, 5, 1] }\njobs:\n  clerk: { workplace: bank, start: "09:00", end: "17:00" }\n`)
    expect(found).toEqual([expect.objectContaining({ path: 'jobs.clerk.workplace', line: 16, message: expect.stringMatching(/"bank".*"shop"/) })])
  })

  it('refuses wrong types and out-of-range values with their paths and lines', () => {
    const found = issues(`config_id: t\nseed: 1\nrewards:\n  decay_rates: { hunger: "fast" }\nbehavior:\n  hunger_threshold: 2\njobs:\n  clerk: { start: "9am", end: "17:00" }\n`)
    expect(found.map((i) => [i.path, i.line]).sort()).toEqual([
      ['behavior.hunger_threshold', 6],
      ['jobs.clerk.start', 8],
      ['rewards.decay_rates.hunger', 4]
    ])
    expect(found.find((i) => i.path === 'jobs.clerk.start')?.message).toMatch(/HH:MM/)
  })

  it('suggests the intended key for a misspelt world key', () => {
    expect(issues(`config_id: t\nseed: 1\nworld:\n  populaton: 3\n  generate: {}\n`)).toEqual([
      { path: 'world.populaton', line: 4, col: 3, message: 'unknown key "populaton": did you mean "population"?' }
    ])
  })

  it('reports an object nobody can reach, by id and position', () => {
    const walled = `config_id: t\nseed: 1\nworld:\n  layout:\n    map: |\n      #######\n      #.....#\n      #.#####\n      #.#F..#\n      #######\n    homes:\n      - { id: flat, area: [1, 1, 5, 1] }\n`
    const found = issues(walled)
    expect(found.some((i) => i.path === 'world.layout.map' && /fridge_1/.test(i.message) && /\(3, 3\)/.test(i.message))).toBe(true)
  })

  it('names an unknown map letter with its row and column', () => {
    const found = issues(`config_id: t\nseed: 1\nworld:\n  layout:\n    map: |\n      #####\n      #.Q.#\n      #####\n    homes:\n      - { id: flat, area: [1, 1, 3, 1] }\n`)
    expect(found[0]).toMatchObject({ path: 'world.layout.map', message: expect.stringMatching(/row 2, column 3.*"Q"/) })
  })

  it('refuses an agent placed on a wall and one whose home does not exist', () => {
    const found = issues(`config_id: t\nseed: 1\nworld:\n  agents:\n    - { id: ann, at: [0, 0] }\n    - { id: bob, home: attic }\n  layout:\n${ROOM}\n`)
    expect(found.map((i) => i.path).sort()).toEqual(['world.agents.1.home'])
    const onWall = issues(`config_id: t\nseed: 1\nworld:\n  agents:\n    - { id: ann, at: [0, 0] }\n  layout:\n${ROOM}\n`)
    expect(onWall).toEqual([expect.objectContaining({ path: 'world.agents.0.at', message: expect.stringContaining('not an open floor tile') })])
  })

  it('needs a town: a layout or a generator, not both', () => {
    expect(issues(`config_id: t\nseed: 1\nworld:\n  generate: {}\n  layout:\n${ROOM}\n`)[0]?.path).toBe('world.generate')
  })
})

describe('affordance registry errors', () => {
  const base = `object_types:\n  fridge: { stock: { meals: 2 } }\naffordances:\n`
  const eat = (extra = '', id = 'eat_meal', type = 'fridge') => `  - id: ${id}\n    object_type: ${type}\n    option: eat\n    duration: 10\n${extra}`

  it('accepts the shipped registry', () => {
    const result = parseAffordanceText(base + eat(), 'r.yaml')
    expect(result.ok).toBe(true)
  })

  it('names a duplicate id, an unknown object type and a precondition that does not parse', () => {
    const text = base + eat() + eat() + eat('', 'eat_out', 'fridg') + eat('    preconditions: ["stock.meals >"]\n', 'eat_bad')
    const result = parseAffordanceText(text, 'r.yaml')
    if (result.ok) throw new Error('expected errors')
    expect(result.issues.map((i) => [i.file, i.path, i.line])).toEqual([
      ['r.yaml', 'affordances.1.id', 8],
      ['r.yaml', 'affordances.2.object_type', 13],
      ['r.yaml', 'affordances.3.preconditions.0', 20]
    ])
    expect(result.issues[1]?.message).toContain('did you mean "fridge"?')
    expect(result.issues[2]?.message).toMatch(/does not parse at character \d+/)
  })

  it('names an unknown precondition name with a hint', () => {
    const result = parseAffordanceText(base + eat('    preconditions: ["stok.meals > 0", "agent.walet > 1"]\n'), 'r.yaml')
    if (result.ok) throw new Error('expected errors')
    expect(result.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('did you mean "stock"?'),
      expect.stringContaining('did you mean "agent.wallet"?')
    ])
  })

  it('refuses a hook that is not a built-in handler', () => {
    const result = parseAffordanceText(base + eat('    hooks: { after: [launch_rockets] }\n'), 'r.yaml')
    expect(!result.ok && result.issues[0]?.path).toBe('affordances.0.hooks.after.0')
  })

  it('stops a config from loading when its registry is bad, naming the registry file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-reg-'))
    await mkdir(join(dir, 'affordances'))
    await writeFile(join(dir, 'affordances/mine.yaml'), base + eat('    preconditions: ["(stock.meals"]\n'))
    await writeFile(join(dir, 'town.yaml'), `config_id: t\nseed: 1\naffordances:\n  file: affordances/mine.yaml\n`)
    const result = await loadConfigFile(join(dir, 'town.yaml'), await testWorkspace())
    expect(!result.ok && result.error.code).toBe('config.invalid')
    const found = !result.ok ? ConfigErrorDetailsSchema.parse(result.error.details).issues : []
    expect(found[0]).toMatchObject({ file: join(dir, 'affordances/mine.yaml'), path: 'affordances.0.preconditions.0' })
    expect(!result.ok && result.error.message).toContain('mine.yaml')
  })

  it('refuses a map object whose type the registry lacks', () => {
    const found = issues(`config_id: t\nseed: 1\nworld:\n  layout:\n    legend: { Z: zeppelin }\n    map: |\n      #####\n      #.Z.#\n      #####\n    homes:\n      - { id: flat, area: [1, 1, 3, 1] }\n`)
    expect(found[0]).toMatchObject({ path: 'world.layout.legend.Z', message: expect.stringContaining('"zeppelin"') })
  })
})
