/**
 * Ticks as the operator reads them: "day 2 · 07:30", from the loaded config's day length and
 * start time (the same arithmetic the engine uses, from `shared/sim-clock.ts`). Log lines, the
 * narration, the header clock and chart axes all go through here.
 */
import type { ConfigSummary } from '../../../shared/contract/dto/config-summary'
import { useMemo } from 'react'
import { clockOfSummary, clockText, dayClockText, dayOf } from '../../../shared/sim-clock'
import type { SimClock } from '../../../shared/sim-clock'
import { useConfig, useShard } from '../app/session-context'
import { formatCount } from './format'

export type ClockSource = Pick<ConfigSummary, 'ticks_per_day' | 'start_time'> | null | undefined

export function simClockOf(config: ClockSource): SimClock | null {
  return config ? clockOfSummary(config) : null
}

/** "day 2 · 07:30", or "tick 1,234" while no config is known. */
export function formatSimTime(clock: SimClock | null, tick: number): string {
  return clock ? dayClockText(clock, tick) : `tick ${formatCount(tick)}`
}

/** A chart axis label: "d2 07:30" (short, so ticks do not collide), or the tick number. */
export function formatSimAxis(clock: SimClock | null, tick: number): string {
  return clock ? `d${dayOf(clock, tick)} ${clockText(clock, tick)}` : formatCount(tick)
}

/** The loaded config's clock: from the latest status, else the last config summary. */
export function useSimClock(): SimClock | null {
  const fromStatus = useShard((s) => s.status?.config ?? null)
  const fromConfig = useConfig((s) => s.summary)
  const config = fromStatus ?? fromConfig
  const ticksPerDay = config?.ticks_per_day
  const startTime = config?.start_time
  // Keyed on the two values, so memoised charts see the same clock until the day itself changes.
  return useMemo(() => (ticksPerDay === undefined || startTime === undefined ? null : clockOfSummary({ ticks_per_day: ticksPerDay, start_time: startTime })), [ticksPerDay, startTime])
}
