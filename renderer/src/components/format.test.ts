import { describe, expect, it } from 'vitest'
import { formatIssue, formatSpeed, formatTps, shortSha } from './format'

describe('format', () => {
  it('formats rates and speeds compactly', () => {
    expect(formatTps(9.96)).toBe('10.0')
    expect(formatTps(1234.5)).toBe('1235')
    expect(formatSpeed('max')).toBe('max')
    expect(formatSpeed(30)).toBe('30')
  })

  it('shortens a sha256', () => {
    expect(shortSha('0123456789abcdef'.repeat(4))).toBe('0123456789ab')
  })

  it('formats config issues with placeholders for missing parts', () => {
    expect(formatIssue({ path: 'runtime.tick_ms', line: 3, col: 9, message: 'bad' })).toEqual({
      path: 'runtime.tick_ms',
      location: '3:9',
      message: 'bad'
    })
    expect(formatIssue({ path: '', message: 'no file' })).toEqual({ path: '(document)', location: '–', message: 'no file' })
  })
})
