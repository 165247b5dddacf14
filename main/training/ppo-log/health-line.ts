/**
 * The watcher's health mode (`townlet telemetry watch --mode health`): the original loop logs a
 * `tick_health key=value …` line per tick; other lines are skipped. A health line must carry
 * tick, duration_ms, queue and dropped; every value is a number. The limits are maxima.
 */
import { printableKey } from './json-line'

export const HEALTH_REQUIRED = ['tick', 'duration_ms', 'queue', 'dropped'] as const

/** Flag → the field it limits (each fails when the value is above it). */
export const HEALTH_RULES = [
  { flag: 'tick-duration-max', key: 'duration_ms' },
  { flag: 'telemetry-queue-max', key: 'queue' },
  { flag: 'telemetry-dropped-max', key: 'dropped' },
  { flag: 'perturbations-pending-max', key: 'perturbations_pending' },
  { flag: 'perturbations-active-max', key: 'perturbations_active' },
  { flag: 'exit-queue-max', key: 'exit_queue' }
] as const

const MAX_FIELDS = 64

export type HealthParse = { kind: 'skip' } | { kind: 'health'; values: Record<string, number> } | { kind: 'bad'; message: string }

export function parseHealthLine(text: string): HealthParse {
  const at = text.indexOf('tick_health')
  if (at === -1) return { kind: 'skip' }
  const values = Object.create(null) as Record<string, number>
  let fields = 0
  for (const token of text.slice(at + 'tick_health'.length).trim().split(/\s+/)) {
    const eq = token.indexOf('=')
    if (eq <= 0) continue
    if (++fields > MAX_FIELDS) return { kind: 'bad', message: `more than ${MAX_FIELDS} key=value fields` }
    const key = token.slice(0, eq)
    const raw = token.slice(eq + 1)
    const value = Number(raw)
    if (raw === '' || !Number.isFinite(value)) return { kind: 'bad', message: `${printableKey(key)}: not a finite number` }
    values[key] = value
  }
  const missing = HEALTH_REQUIRED.filter((k) => values[k] === undefined)
  if (missing.length > 0) return { kind: 'bad', message: `a tick_health line must carry ${HEALTH_REQUIRED.join(', ')}; missing ${missing.join(', ')}` }
  return { kind: 'health', values }
}

export function healthBreach(values: Record<string, number>, limits: Partial<Record<string, number>>): string | null {
  for (const rule of HEALTH_RULES) {
    const limit = limits[rule.flag]
    const v = values[rule.key]
    if (limit !== undefined && v !== undefined && v > limit) return `Tick ${Math.trunc(values.tick!)}: ${rule.key} ${v} exceeds threshold ${limit}`
  }
  return null
}

export function healthLine(values: Record<string, number>): string {
  const rest = Object.entries(values).filter(([k]) => k !== 'tick').map(([k, v]) => `${printableKey(k)}=${v}`)
  return `Tick ${Math.trunc(values.tick!)}: ${rest.join(', ')}`
}
