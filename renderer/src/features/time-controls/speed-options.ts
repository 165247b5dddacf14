/**
 * The speed selector's choices. The fixed list covers slow inspection to fast-forward; the
 * config's own cadence (1000 / tick_ms) and the current speed join it when they are not in it,
 * so the select can always show what the shard is doing.
 */
import type { Speed } from '../../../../shared/contract/dto/shard-status'

export const PRESET_SPEEDS: readonly number[] = [1, 4, 10, 30, 100, 1000]

export interface SpeedOption {
  value: string
  label: string
}

export function speedToValue(speed: Speed): string {
  return speed === 'max' ? 'max' : String(speed)
}

export function valueToSpeed(value: string): Speed | null {
  if (value === 'max') return 'max'
  const n = Number(value)
  return Number.isFinite(n) && n > 0 ? n : null
}

/** Rounded so odd tick lengths (e.g. 30 ms → 33.33) read cleanly and stay a stable option value. */
export function defaultCadence(tickMs: number): number {
  return Math.round((1000 / tickMs) * 100) / 100
}

export function speedOptions(tickMs: number | null, current: Speed | null): SpeedOption[] {
  const cadence = tickMs === null ? null : defaultCadence(tickMs)
  const numbers = new Set(PRESET_SPEEDS)
  if (cadence !== null && cadence > 0 && cadence <= 10_000) numbers.add(cadence)
  if (typeof current === 'number') numbers.add(current)
  const options = [...numbers]
    .sort((a, b) => a - b)
    .map((n) => ({ value: String(n), label: n === cadence ? `${n} t/s (config)` : `${n} t/s` }))
  options.push({ value: 'max', label: 'max' })
  return options
}
