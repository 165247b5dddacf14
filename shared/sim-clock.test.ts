import { describe, expect, it } from 'vitest'
import { clockOfSummary, clockText, dayClockText, dayOf } from './sim-clock'

describe('the simulated clock shared by engine and renderer', () => {
  it('starts at the config start time and rolls over at midnight', () => {
    const clock = clockOfSummary({ ticks_per_day: 1440, start_time: '06:00' })
    expect(dayClockText(clock, 0)).toBe('day 0 · 06:00')
    expect(dayClockText(clock, 18 * 60)).toBe('day 1 · 00:00')
    expect(clockText(clock, 90)).toBe('07:30')
  })

  it('scales minutes to a short day', () => {
    const clock = clockOfSummary({ ticks_per_day: 96, start_time: '00:00' })
    expect(clockText(clock, 4)).toBe('01:00')
    expect(dayOf(clock, 96 * 3 + 5)).toBe(3)
  })
})
