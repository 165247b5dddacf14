/** What an analyzer says about the current tick: nothing, or a named alert with its reason. */
import type { AlertName } from '../../config/sections/telemetry'

export interface AlertSignal {
  name: AlertName
  message: string
}

/** The seeds' hard holds: promotion must stop until these are mitigated. */
export const CRITICAL_ALERTS: ReadonlySet<AlertName> = new Set<AlertName>(['starvation_spike', 'reward_variance_spike', 'option_thrash_detected'])

/** "3 incidents" / "1 incident". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`
}
