import { describe, expect, it } from 'vitest'
import { formatSimAxis, formatSimTime, simClockOf } from './sim-time'

describe('ticks as the operator reads them', () => {
  it('prints day and time from the config, or the tick while none is loaded', () => {
    const clock = simClockOf({ ticks_per_day: 1440, start_time: '06:00' })
    expect(formatSimTime(clock, 1530)).toBe('day 1 · 07:30')
    expect(formatSimAxis(clock, 1530)).toBe('d1 07:30')
    expect(formatSimTime(null, 12345)).toBe('tick 12,345')
    expect(formatSimAxis(null, 12345)).toBe('12,345')
  })
})
