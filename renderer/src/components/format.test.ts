import { describe, expect, it } from 'vitest'
import {
  formatCount,
  formatDayClock,
  formatIssue,
  formatMoney,
  formatMoneyRange,
  formatPercent,
  formatSpeed,
  formatTps,
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

  it('formats money with fewer decimals as amounts grow, never as -0', () => {
    expect(formatMoney(0.4)).toBe('0.40')
    expect(formatMoney(-1.2)).toBe('-1.20')
    expect(formatMoney(123.45)).toBe('123.5')
    expect(formatMoney(12_345.6)).toBe('12,346')
    expect(formatMoney(-0.001)).toBe('0.00')
    expect(formatMoney(0)).toBe('0.00')
    expect(formatMoneyRange(-0.4, 12)).toBe('-0.40–12.0')
  })

  it('formats the simulated day and time of day', () => {
    expect(formatDayClock(0, '07:30')).toBe('day 0 · 07:30')
    expect(formatDayClock(12, '23:59')).toBe('day 12 · 23:59')
  })
})
