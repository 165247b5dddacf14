import { describe, expect, it } from 'vitest'
import { sampleConfig } from '../../../shared/testing/contract-samples'
import { appendLog } from './log-store'
import { configLoadErrorFrom, sameConfig } from './config-store'

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

  it('leaves errors that are not about the config to the notices', () => {
    expect(configLoadErrorFrom({ code: 'ipc.disconnected', message: 'x' }, '/a.yaml')).toBeNull()
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
