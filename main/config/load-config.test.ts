import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { ConfigErrorDetailsSchema } from '../../shared/contract/dto/config-summary'
import { loadConfigFile, loadEmbeddedDefault, parseConfigText } from './load-config'
import { testWorkspace } from '../fs/testing/test-workspace'

function issuesOf(text: string) {
  const result = parseConfigText(text, 'test.yaml')
  if (result.ok) throw new Error('expected an invalid config')
  expect(result.error.code).toBe('config.invalid')
  return ConfigErrorDetailsSchema.parse(result.error.details).issues
}

describe('parseConfigText', () => {
  it('loads a valid config with its identity', () => {
    const result = parseConfigText('config_id: town-a\nseed: 7\nruntime:\n  tick_ms: 100\n', '/x/a.yaml')
    expect(result.ok && result.value.summary).toMatchObject({ config_id: 'town-a', seed: 7, tick_ms: 100, source: '/x/a.yaml' })
    expect(result.ok && result.value.summary.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('defaults the cadence to 250 ms a tick', () => {
    const result = parseConfigText('config_id: a\nseed: 1\n', 'a.yaml')
    expect(result.ok && result.value.config.runtime.tick_ms).toBe(250)
  })

  it('lists every problem with its YAML path and line', () => {
    const issues = issuesOf('config_id: Bad Id\nseed: "abc"\nruntime:\n  tick_ms: -5\n')
    expect(issues.map((i) => [i.path, i.line])).toEqual([
      ['config_id', 1],
      ['seed', 2],
      ['runtime.tick_ms', 4]
    ])
  })

  it('suggests the intended key for a misspelt one and points at the key', () => {
    const issues = issuesOf('config_id: a\nseed: 1\nruntim:\n  tick_ms: 10\n')
    expect(issues).toEqual([{ path: 'runtim', line: 3, col: 1, message: 'unknown key "runtim": did you mean "runtime"?' }])
  })

  it('suggests keys inside nested sections', () => {
    const issues = issuesOf('config_id: a\nseed: 1\nruntime:\n  tickms: 10\n')
    expect(issues[0]).toMatchObject({ path: 'runtime.tickms', line: 4, message: expect.stringContaining('"tick_ms"') })
  })

  it('names a missing required key', () => {
    const issues = issuesOf('seed: 1\n')
    expect(issues[0]).toMatchObject({ path: 'config_id', message: expect.stringContaining('required') })
  })

  it('reports YAML syntax errors with their line', () => {
    const issues = issuesOf('config_id: a\nseed: [1, 2\n')
    expect(issues[0]?.message).toMatch(/^YAML syntax/)
    expect(issues[0]?.line).toBeGreaterThan(0)
  })

  it('refuses duplicate keys', () => {
    const issues = issuesOf('config_id: a\nseed: 1\nseed: 2\n')
    expect(issues[0]?.message).toMatch(/YAML syntax/)
  })

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseConfigText(text, 'fuzz.yaml')
        if (!result.ok) expect(['config.invalid']).toContain(result.error.code)
      }),
      { numRuns: 300 }
    )
  })

  it('round-trips any valid config through YAML', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,20}$/),
        fc.nat(),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.constantFrom('05:30', '09:00', '23:59'),
        (id, seed, tickMs, population, decay, start) => {
          const text = `config_id: "${id}"\nseed: ${seed}\nruntime:\n  tick_ms: ${tickMs}\nrewards:\n  decay_rates: { hunger: ${decay} }\nworld:\n  start_time: "${start}"\n  population: ${population}\n  generate: {}\n`
          const first = parseConfigText(text, 'p.yaml')
          if (!first.ok) throw new Error(first.error.message)
          expect(first.value.config).toMatchObject({ config_id: id, seed, runtime: { tick_ms: tickMs }, rewards: { decay_rates: { hunger: decay } }, world: { population, start_time: start } })
          // The parsed config, written back as YAML, parses to itself: defaults are stable.
          const again = parseConfigText(stringify(first.value.config), 'again.yaml')
          expect(again.ok && again.value.config).toEqual(first.value.config)
        }
      ),
      { numRuns: 30 }
    )
  })
})

describe('loadConfigFile', () => {
  it('explains a missing file', async () => {
    const missing = join(tmpdir(), 'townlet-nonexistent', 'townlet.yaml')
    const result = await loadConfigFile(missing, await testWorkspace())
    expect(!result.ok && result.error).toMatchObject({ code: 'config.not_found', message: expect.stringContaining(missing) })
    // Outside the workspace, the same name is refused without being looked up.
    const outside = await loadConfigFile('/nonexistent/townlet.yaml', await testWorkspace())
    expect(!outside.ok && outside.error.code).toBe('fs.outside_workspace')
  })

  it('refuses a folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-cfg-'))
    const result = await loadConfigFile(dir, await testWorkspace())
    expect(!result.ok && result.error.code).toBe('config.unreadable')
  })

  it('reads a real file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-cfg-'))
    const file = join(dir, 'c.yaml')
    await writeFile(file, 'config_id: real\nseed: 3\n')
    const result = await loadConfigFile(file, await testWorkspace())
    expect(result.ok && result.value.summary.config_id).toBe('real')
  })

  it('loads configs/default.yaml and the embedded default identically', async () => {
    const fromFile = await loadConfigFile(join(__dirname, '../../configs/default.yaml'), await testWorkspace())
    const embedded = loadEmbeddedDefault()
    expect(fromFile.ok && fromFile.value.config).toEqual(embedded.config)
    expect(fromFile.ok && fromFile.value.summary.sha256).toBe(embedded.summary.sha256)
  })
})
