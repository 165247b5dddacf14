/**
 * Simulated time. The engine counts ticks; a day has `ticks_per_day` of them and tick 0 falls at
 * `world.start_time`. Shifts and the operator's clock are times of day, converted here. The
 * engine, the host and the renderer share this file so they print the same day and time.
 */

/** Minutes since midnight of an "HH:MM" string (already validated by the config schema). */
export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** The tick of the day at which a clock time falls. */
export function tickOfClock(clock: string, ticksPerDay: number): number {
  return Math.round((minutesOf(clock) * ticksPerDay) / 1440) % ticksPerDay
}

export interface SimClock {
  ticksPerDay: number
  /** Tick of day at tick 0. */
  offset: number
}

export function createClock(ticksPerDay: number, startTime: string): SimClock {
  return { ticksPerDay, offset: tickOfClock(startTime, ticksPerDay) }
}

export function dayOf(clock: SimClock, tick: number): number {
  return Math.floor((tick + clock.offset) / clock.ticksPerDay)
}

export function tickOfDay(clock: SimClock, tick: number): number {
  return (tick + clock.offset) % clock.ticksPerDay
}

/** "HH:MM" for a tick. */
export function clockText(clock: SimClock, tick: number): string {
  const minutes = Math.floor((tickOfDay(clock, tick) * 1440) / clock.ticksPerDay)
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** Whether tick-of-day `t` lies in [start, end), where end < start wraps past midnight. */
export function inWindow(t: number, start: number, end: number): boolean {
  return start < end ? t >= start && t < end : t >= start || t < end
}

/** Ticks from `from` forward to `to` around the day. */
export function ticksUntil(from: number, to: number, ticksPerDay: number): number {
  return (to - from + ticksPerDay) % ticksPerDay
}

/** The clock a loaded config defines, from its summary (`ticks_per_day`, `start_time`). */
export function clockOfSummary(summary: { ticks_per_day: number; start_time: string }): SimClock {
  return createClock(summary.ticks_per_day, summary.start_time)
}

/** "day 3 · 07:30": how every side prints a day and a time of day. */
export function dayClockLabel(day: number, time: string): string {
  return `day ${day} · ${time}`
}

/** The day and time of a tick, as the header and log lines print it. */
export function dayClockText(clock: SimClock, tick: number): string {
  return dayClockLabel(dayOf(clock, tick), clockText(clock, tick))
}
