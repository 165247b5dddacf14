/**
 * A config's bad values are quoted in its issues (issue 12, finding 12), bounded like its keys:
 * a string cut to 64 characters and JSON-escaped, a list or mapping by its size, never its
 * contents; a file that is not a config is still quoted nowhere (hostile-config*.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { MAX_QUOTED, quoteValue } from './bounded-text'
import { parseConfigText } from './load-config'

function issuesOf(yaml: string) {
  const loaded = parseConfigText(yaml, 'test.yaml')
  if (loaded.ok) throw new Error('expected the config to be refused')
  return (loaded.error.details as { issues: { path: string; message: string; line?: number }[] }).issues
}

describe('quoted values', () => {
  it('quotes the value each issue is about', () => {
    const issues = issuesOf('config_id: quoted\nseed: "not-a-number"\nruntime:\n  tick_ms: -5\n')
    expect(issues.find((i) => i.path === 'seed')?.message).toMatch(/, got "not-a-number"$/)
    expect(issues.find((i) => i.path === 'runtime.tick_ms')?.message).toMatch(/, got -5$/)
  })

  it('cuts a long value to 64 characters and escapes control characters', () => {
    const issues = issuesOf(`config_id: quoted\nseed: "${'x'.repeat(500)}\\n\\u001b[31m"\n`)
    const message = issues.find((i) => i.path === 'seed')?.message ?? ''
    expect(message).toContain(`got "${'x'.repeat(MAX_QUOTED)}…"`)
    expect(message).not.toContain('x'.repeat(MAX_QUOTED + 1))
    expect(message).not.toContain('\u001b')
  })

  it('names a list or a mapping by its size, without its contents', () => {
    const issues = issuesOf('config_id: quoted\nseed: [secret-1, secret-2]\nruntime: { tick_ms: { deep: secret-3 } }\n')
    expect(issues.find((i) => i.path === 'seed')?.message).toMatch(/, got a list of 2 items$/)
    expect(issues.find((i) => i.path === 'runtime.tick_ms')?.message).toMatch(/, got a mapping of 1 key$/)
    expect(JSON.stringify(issues)).not.toContain('secret')
  })

  it('does not quote a missing value', () => {
    const issues = issuesOf('seed: 1\n')
    expect(issues.find((i) => i.path === 'config_id')?.message).toContain('(this key is required)')
    expect(issues.find((i) => i.path === 'config_id')?.message).not.toContain('got')
  })

  it('quotes strings like keys and scalars as written', () => {
    expect(quoteValue('a\nb')).toBe('"a\\nb"')
    expect(quoteValue(false)).toBe('false')
    expect(quoteValue(null)).toBe('null')
    expect(quoteValue({})).toBe('a mapping of 0 keys')
  })
})
