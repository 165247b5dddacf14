import { describe, expect, it } from 'vitest'
import {
  formatAge,
  formatBytes,
  formatCount,
  formatDayClock,
  formatFixed,
  formatIssue,
  formatMoney,
  formatMoneyRange,
  formatPercent,
  formatSpeed,
  formatTps,
  formatTrimmed,
  formatWage,
  shortSha
} from './format'

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

  it('formats ratios as whole percentages, clamped to 0–100', () => {
    expect(formatPercent(0.724)).toBe('72%')
    expect(formatPercent(0.725)).toBe('73%')
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(1)).toBe('100%')
    expect(formatPercent(1.2)).toBe('100%')
    expect(formatPercent(-0.1)).toBe('0%')
    expect(formatPercent(Number.NaN)).toBe('0%')
  })

  it('formats counts with thousands separators', () => {
    expect(formatCount(0)).toBe('0')
    expect(formatCount(7)).toBe('7')
    expect(formatCount(12_345)).toBe('12,345')
  })

  it('formats percentages with a fixed number of decimals', () => {
    expect(formatPercent(0.7245, 1)).toBe('72.5%')
    expect(formatPercent(0.7, 1)).toBe('70.0%')
    expect(formatPercent(0, 1)).toBe('0.0%')
    expect(formatPercent(1, 2)).toBe('100.00%')
  })

  it('formats money always with two decimals, so a column lines up, never as -0', () => {
    expect(formatMoney(0.4)).toBe('0.40')
    expect(formatMoney(5)).toBe('5.00')
    expect(formatMoney(27.7)).toBe('27.70')
    expect(formatMoney(-1.2)).toBe('-1.20')
    expect(formatMoney(123.456)).toBe('123.46')
    expect(formatMoney(12_345.6)).toBe('12,345.60')
    expect(formatMoney(-0.001)).toBe('0.00')
    expect(formatMoney(0)).toBe('0.00')
    expect(formatMoney(Number.NaN)).toBe('—')
    expect(formatMoneyRange(-0.4, 12)).toBe('-0.40–12.00')
    // Same decimals whatever the size: the column aligns on the point.
    const column = [5, 27.7, 0.4, 1_234.5].map(formatMoney)
    expect(column.map((text) => text.length - text.indexOf('.'))).toEqual([3, 3, 3, 3])
  })

  it('formats wages exactly: up to four decimals, at least two', () => {
    expect(formatWage(0.025)).toBe('0.025')
    expect(formatWage(0.02)).toBe('0.02')
    expect(formatWage(0.5)).toBe('0.50')
    expect(formatWage(0.123456)).toBe('0.1235')
    expect(formatWage(1_250)).toBe('1,250.00')
    expect(formatWage(-0.00001)).toBe('0.00')
  })

  it('formats fixed and trimmed decimals', () => {
    expect(formatFixed(0.5)).toBe('0.50')
    expect(formatFixed(0.1234, 3)).toBe('0.123')
    expect(formatFixed(-0.0001)).toBe('0.00')
    expect(formatFixed(12_345.678, 1)).toBe('12345.7')
    expect(formatFixed(null)).toBe('—')
    expect(formatTrimmed(1.5, 2)).toBe('1.5')
    expect(formatTrimmed(2, 2)).toBe('2')
    expect(formatTrimmed(0.12345, 3)).toBe('0.123')
  })

  it('formats the simulated day and time of day', () => {
    expect(formatDayClock(0, '07:30')).toBe('day 0 · 07:30')
    expect(formatDayClock(12, '23:59')).toBe('day 12 · 23:59')
  })

  it('formats file sizes and ages', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB')
    expect(formatBytes(3 * 1024 ** 4 * 2048)).toBe('6,144.0 TB')
    expect(formatBytes(-1)).toBe('—')
    const now = 10_000_000_000
    expect(formatAge(now - 1_000, now)).toBe('just now')
    expect(formatAge(now + 60_000, now)).toBe('just now')
    expect(formatAge(now - 45_000, now)).toBe('45 s ago')
    expect(formatAge(now - 12 * 60_000, now)).toBe('12 min ago')
    expect(formatAge(now - 3 * 3_600_000, now)).toBe('3 h ago')
    expect(formatAge(now - 2 * 86_400_000, now)).toBe('2 d ago')
  })
})
