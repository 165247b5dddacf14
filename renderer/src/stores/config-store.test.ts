import { describe, expect, it } from 'vitest'
import { sampleConfig } from '../../../shared/testing/contract-samples'
import { appendLog } from './log-store'
import { configLoadErrorFrom, failedLoadLogEntry, inLineOrder, sameConfig } from './config-store'

describe('configLoadErrorFrom', () => {
  it('lists the issues of a config.invalid error', () => {
    const issues = [{ path: 'runtime.tick_ms', line: 4, col: 11, message: 'Number must be positive' }]
    const error = { code: 'config.invalid' as const, message: 'bad config', details: { source: '/c/bad.yaml', issues } }
    expect(configLoadErrorFrom(error, '/c/bad.yaml')).toEqual({ source: '/c/bad.yaml', message: 'bad config', issues })
  })

  it('turns a missing file into one document-level issue', () => {
    const error = { code: 'config.not_found' as const, message: 'no such file' }
    expect(configLoadErrorFrom(error, '/nope.yaml')).toEqual({
      source: '/nope.yaml',
      message: 'no such file',
      issues: [{ path: '', message: 'no such file' }]
    })
  })

  it('lists the issues in line order: by line then column, unlocated ones after, summaries last', () => {
    const issues = [
      { path: 'runtim', line: 7, col: 1, message: 'unknown key "runtim"' },
      { path: '', message: '… and 3 more problems, not listed' },
      { path: 'policy.model', message: 'the model is not a file' },
      { path: 'runtime.tick_ms', line: 6, col: 12, message: 'Too small, got -5' },
      { path: 'seed', line: 4, col: 7, message: 'expected number, got "x"' },
      { path: 'runtime.speed', line: 6, col: 3, message: 'bad speed' }
    ]
    const error = { code: 'config.invalid' as const, message: 'bad config', details: { source: '/c/bad.yaml', issues } }
    expect(configLoadErrorFrom(error, '/c/bad.yaml')?.issues.map((i) => i.path)).toEqual(['seed', 'runtime.speed', 'runtime.tick_ms', 'runtim', 'policy.model', ''])
    expect(inLineOrder([])).toEqual([])
  })

  it('leaves errors that are not about the config to the notices', () => {
    expect(configLoadErrorFrom({ code: 'ipc.disconnected', message: 'x' }, '/a.yaml')).toBeNull()
  })
})

describe('failedLoadLogEntry', () => {
  const issue = (line: number) => ({ path: `k${line}`, line, col: 1, message: `bad ${line}` })

  it('names the file and its first three issues, with lines, and counts the rest', () => {
    const loadError = { source: '/c/bad.yaml', message: 'bad config', issues: [issue(2), issue(5), issue(9), issue(12)] }
    const entry = failedLoadLogEntry('/c/bad.yaml', { code: 'config.invalid', message: 'bad config' }, loadError, 42)
    expect(entry).toEqual({
      level: 'error',
      source: 'host',
      at: 42,
      message: 'config not loaded: /c/bad.yaml: k2 (line 2:1): bad 2; k5 (line 5:1): bad 5; k9 (line 9:1): bad 9 (+1 more in the errors panel)'
    })
  })

  it('says why when the failure is not about the file', () => {
    const entry = failedLoadLogEntry('/c/a.yaml', { code: 'policy.model_not_found', message: 'no model' }, null, 1)
    expect(entry.message).toBe('config not loaded: /c/a.yaml: policy.model_not_found: no model')
    expect(entry.level).toBe('error')
  })
})

describe('sameConfig', () => {
  it('compares identity, not object references', () => {
    expect(sameConfig(null, sampleConfig)).toBe(false)
    expect(sameConfig({ ...sampleConfig }, sampleConfig)).toBe(true)
    expect(sameConfig({ ...sampleConfig, sha256: 'b'.repeat(64) }, sampleConfig)).toBe(false)
  })
})

describe('appendLog', () => {
  it('keeps at most the given number of entries, newest last', () => {
    let entries = appendLog([], { level: 'info', source: 'host', message: '0', at: 0 }, 3)
    for (let i = 1; i < 5; i++) entries = appendLog(entries, { level: 'info', source: 'host', message: String(i), at: i }, 3)
    expect(entries.map((e) => e.message)).toEqual(['2', '3', '4'])
  })
})
