/** What an analyzer says about the current tick: nothing, or a named alert with its reason. */
import type { AlertName } from '../../config/sections/telemetry'

export interface AlertSignal {
  name: AlertName
  readonly message: string
}

/**
 * A signal whose message is built only when someone reads it, from values the analyzer captured
 * at its tick: an alert stays active for thousands of ticks, and formatting its text every tick
 * cost more than the analysis (a snapshot, a save or a promotion failure reads it).
 */
export function lazySignal(name: AlertName, build: () => string): AlertSignal {
  return new LazySignal(name, build)
}

/** A class, not a literal with a getter: one is made every tick an alert is active, and this is the cheap shape. */
class LazySignal implements AlertSignal {
  private text: string | undefined

  constructor(
    readonly name: AlertName,
    private readonly build: () => string
  ) {}

  get message(): string {
    return (this.text ??= this.build())
  }
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
