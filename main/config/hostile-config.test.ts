/**
 * Files that are not shard configs, or configs built to make error reporting expensive: the
 * loader must refuse them without quoting a foreign file back (finding 2: /etc/shadow came back
 * line by line as unknown keys), with a bounded number of issues each located in O(1) (finding 3:
 * 32,000 unknown keys took 33 s and an 8.5 MB message), and must refuse YAML 1.1 tags such as
 * `!!set` instead of reading them as something else.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document } from 'yaml'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConfigErrorDetailsSchema, type ConfigIssue } from '../../shared/contract/dto/config-summary'
import type { AppError } from '../../shared/result'
import { parseAffordanceText } from './load-affordances'
import { loadConfigFile, parseConfigText } from './load-config'
import { testWorkspace } from '../fs/testing/test-workspace'

function errorOf(text: string): AppError {
  const result = parseConfigText(text, 'test.yaml')
  if (result.ok) throw new Error(`expected an invalid config:\n${text.slice(0, 200)}`)
  expect(result.error.code).toBe('config.invalid')
  return result.error
}

const issuesOf = (error: AppError): ConfigIssue[] => ConfigErrorDetailsSchema.parse(error.details).issues

/** `count` distinct unknown keys, one a line, indented by `indent`. */
const unknownKeys = (count: number, indent = '') => Array.from({ length: count }, (_, i) => `${indent}unknown_key_${String(i).padStart(7, '0')}: 1\n`).join('')

const occurrences = (text: string, part: string) => text.split(part).length - 1

afterEach(() => {
  vi.restoreAllMocks()
})

describe('finding 2: a file that is not a shard config is refused without quoting it', () => {
  const HASH = '$6$Qm9vYmFyc2FsdA$Zm9vYmFyYmF6cXV4c2VjcmV0aGFzaGVkcGFzc3dvcmQ'
  const SHADOW = `root:*:20228:0:99999:7:::\ndaemon:*:20228:0:99999:7:::\noperator:${HASH}:20228:0:99999:7:::\n`
  const SECRETS = ['root:*:20228', 'daemon:*:20228', HASH, 'operator', 'hunter2-secret-token', 'another-secret-value', 'just-a-secret-scalar', 'password_hash', 's3cr3t-v4lue-xyz', 'tok_ABCDEFGH12345']

  function expectRefusedWithoutQuoting(error: AppError | undefined, what: string): void {
    expect(error, what).toBeDefined()
    expect(error?.code, what).toBe('config.invalid')
    expect(error?.message, what).toMatch(/is not a shard config: /)
    expect(error?.message, what).toContain('config_id')
    const whole = JSON.stringify(error)
    for (const secret of SECRETS) expect(whole, `${what} quotes ${secret}`).not.toContain(secret)
  }

  it('a file shaped like /etc/shadow, read from disk, is not quoted back key by key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-hostile-'))
    const file = join(dir, 'shadow')
    await writeFile(file, SHADOW)
    const result = await loadConfigFile(file, await testWorkspace())
    expectRefusedWithoutQuoting(result.ok ? undefined : result.error, 'shadow file')
  })

  it('a sequence, a scalar, an empty file, a comment-only file and unrelated JSON are each "not a shard config"', () => {
    const cases: Record<string, string> = {
      shadow: SHADOW,
      sequence: '- hunter2-secret-token\n- another-secret-value\n',
      scalar: 'just-a-secret-scalar-value\n',
      empty: '',
      comment: '# just-a-secret-scalar-value\n',
      json: '{"password_hash": "s3cr3t-v4lue-xyz", "api_token": "tok_ABCDEFGH12345"}\n',
      'broken foreign YAML': 'password_hash: "s3cr3t-v4lue-xyz\n  tok_ABCDEFGH12345: [\n'
    }
    for (const [what, text] of Object.entries(cases)) {
      const result = parseConfigText(text, 'test.yaml')
      expectRefusedWithoutQuoting(result.ok ? undefined : result.error, what)
    }
  })

  it('a mapping with one known top-level key is the operator\'s config, and its unknown keys are named', () => {
    const error = errorOf('config_id: a\nseed: 1\nrunitme: 1\n')
    expect(error.message).not.toMatch(/is not a shard config/)
    expect(issuesOf(error)).toEqual([expect.objectContaining({ path: 'runitme', line: 3, message: 'unknown key "runitme": did you mean "runtime"?' })])
  })
})

describe('finding 3: unknown-key errors quote at most 50 keys and say how many more', () => {
  it('32,000 unknown keys under world: 50 named, one issue for the rest, the known keys listed once', () => {
    const error = errorOf(`config_id: a\nseed: 1\nworld:\n${unknownKeys(32_000, '  ')}`)
    const issues = issuesOf(error)
    expect(issues.filter((i) => i.message.startsWith('unknown key "'))).toHaveLength(50)
    expect(issues.filter((i) => /and 31,950 more unknown keys/.test(i.message))).toHaveLength(1)
    expect(issues.find((i) => i.message.startsWith('unknown key "'))).toMatchObject({ path: 'world.unknown_key_0000000', line: 4, col: 3 })
    expect(occurrences(error.message, 'known keys here')).toBe(1)
    expect(error.message.length).toBeLessThan(20_000)
    expect(JSON.stringify(error).length).toBeLessThan(40_000)
  })

  it('32,000 unknown keys at the top level beside config_id and seed', () => {
    const error = errorOf(`config_id: a\nseed: 1\n${unknownKeys(32_000)}`)
    const issues = issuesOf(error)
    expect(issues.filter((i) => i.message.startsWith('unknown key "'))).toHaveLength(50)
    expect(issues.some((i) => /and 31,950 more unknown keys/.test(i.message))).toBe(true)
    expect(occurrences(error.message, 'known keys here')).toBe(1)
    expect(error.message.length).toBeLessThan(20_000)
  })

  it('locating the issues does not search the YAML tree once per key', () => {
    // The old locate called doc.getIn and a linear find per issue: 32,000 issues, 32,000 walks.
    const getIn = vi.spyOn(Document.prototype, 'getIn')
    errorOf(`config_id: a\nseed: 1\nworld:\n${unknownKeys(32_000, '  ')}`)
    expect(getIn.mock.calls.length).toBeLessThanOrEqual(200)
  })

  it('2 MB of unknown keys finishes (nothing quadratic is left) with a bounded answer', () => {
    const keys = unknownKeys(Math.ceil((2 * 1024 * 1024) / 24))
    const error = errorOf(`config_id: a\nseed: 1\n${keys}`)
    expect(issuesOf(error).length).toBeLessThanOrEqual(101)
    expect(error.message.length).toBeLessThan(20_000)
  })

  it('at most 100 issues, then one saying how many more problems there are', () => {
    const jobs = Array.from({ length: 5000 }, (_, i) => `  j${i}: 1\n`).join('')
    const issues = issuesOf(errorOf(`config_id: a\nseed: 1\njobs:\n${jobs}`))
    expect(issues.length).toBeLessThanOrEqual(101)
    expect(issues.filter((i) => /and 4,9\d\d more problems/.test(i.message))).toHaveLength(1)
  })

  it('a quoted key is cut to 64 characters and JSON-escaped: no newline or control character reaches a log raw', () => {
    const long = 'x'.repeat(300)
    const error = errorOf(`config_id: a\nseed: 1\n${long}: 1\n"evil\\nkey\\u001b[31m\\u0007": 2\n`)
    const issues = issuesOf(error)
    expect(issues).toHaveLength(2)
    for (const issue of issues) {
      expect(issue.message).not.toMatch(/\p{Cc}/u)
      expect(issue.path).not.toMatch(/\p{Cc}/u)
      expect(issue.message).not.toContain('x'.repeat(65))
      expect(issue.path.length).toBeLessThanOrEqual(80)
    }
    expect(issues[1]?.message).toContain('"evil\\nkey\\u001b[31m\\u0007"')
    expect(error.message).not.toMatch(/\p{Cc}/u)
  })
})

describe('!!set, !!omap, !!binary, !!timestamp and friends are refused with their path and line', () => {
  const HEAD = 'config_id: a\nseed: 1\n'

  it('runtime: !!set {a, b} is refused at runtime, not read as an empty section', () => {
    const issues = issuesOf(errorOf(`${HEAD}runtime: !!set {a, b}\n`))
    expect(issues).toEqual([expect.objectContaining({ path: 'runtime', line: 3, message: expect.stringContaining('use a plain mapping') })])
  })

  it('the same under a %YAML 1.1 directive', () => {
    const issues = issuesOf(errorOf(`%YAML 1.1\n---\n${HEAD}runtime: !!set {a, b}\n`))
    expect(issues).toEqual([expect.objectContaining({ path: 'runtime', line: 5, message: expect.stringContaining('use a plain mapping') })])
  })

  it('!!omap, !!pairs, !!binary, !!timestamp and a custom tag are refused where they stand', () => {
    const cases: [string, string, number][] = [
      [`${HEAD}world: !!omap [{ population: 3 }]\n`, 'world', 3],
      [`${HEAD}world: !!pairs [{ population: 3 }]\n`, 'world', 3],
      [`config_id: !!binary YWJj\nseed: 1\n`, 'config_id', 1],
      [`config_id: a\nseed: !!timestamp 2001-12-14\n`, 'seed', 2],
      [`${HEAD}runtime:\n  tick_ms: !custom 100\n`, 'runtime.tick_ms', 4]
    ]
    for (const [text, path, line] of cases) {
      const issues = issuesOf(errorOf(text))
      expect(issues, text).toEqual([expect.objectContaining({ path, line, message: expect.stringMatching(/YAML tag .* use a plain/) })])
    }
  })

  it('an affordance registry with a !!set is refused with its path and line', () => {
    const load = parseAffordanceText('object_types: !!set { fridge, stove }\naffordances: []\n', 'r.yaml')
    expect(load.ok).toBe(false)
    expect(!load.ok && load.issues).toEqual([expect.objectContaining({ file: 'r.yaml', path: 'object_types', line: 1, message: expect.stringContaining('use a plain mapping') })])
  })

  it('an affordance file that is not a registry is refused without quoting it', () => {
    const load = parseAffordanceText('root:*:20228:0:99999:7:::\n', 'r.yaml')
    expect(load.ok).toBe(false)
    expect(JSON.stringify(load)).not.toContain('root:*')
    expect(!load.ok && load.issues[0]?.message).toMatch(/not an affordance registry/)
  })
})

describe('a file nested too deep to parse safely is refused before the parser recurses', () => {
  // About a thousand levels overflow the parser's stack; an overflow inside V8's regexp compiler
  // aborts the process outright ("RegExpCompiler Allocation failed"), so it must never start.
  it('10,000 open brackets, 5,000 nested lists on one line and 300 indented levels are each refused with a line', () => {
    let indented = 'config_id: a\nseed: 1\n'
    for (let i = 0; i < 300; i++) indented += `${' '.repeat(i)}k:\n`
    const cases: [string, number][] = [
      ['['.repeat(10_000) + ']'.repeat(10_000), 1],
      [`config_id: a\nseed: 1\nworld:\n  ${'- '.repeat(5000)}x\n`, 4],
      [indented, 132]
    ]
    for (const [text, line] of cases) {
      const error = errorOf(text)
      expect(error.message).toMatch(/nests deeper than a shard config can/)
      expect(issuesOf(error)[0]?.line).toBe(line)
    }
  })

  it('the shipped configs and a pretty-printed JSON config nest well within the bound', () => {
    const json = JSON.stringify({ config_id: 'j', seed: 1, world: { population: 3, generate: {} } }, null, 2)
    const result = parseConfigText(json, 'j.json')
    expect(result.ok).toBe(true)
  })
})
