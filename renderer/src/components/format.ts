/** Display formatting shared by panels; numbers go through here so they read the same everywhere. */
import type { ConfigIssue } from '../../../shared/contract/dto/config-summary'
import type { Speed } from '../../../shared/contract/dto/shard-status'
import { dayClockLabel } from '../../../shared/sim-clock'

export function formatTps(tps: number): string {
  return tps >= 100 ? tps.toFixed(0) : tps.toFixed(1)
}

export function formatSpeed(speed: Speed): string {
  return speed === 'max' ? 'max' : String(speed)
}

/** First 12 hex digits: enough to tell configs apart at a glance. */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12)
}

/** `path — line:col — message`, with placeholders so every row has the same three parts. */
export function formatIssue(issue: ConfigIssue): { path: string; location: string; message: string } {
  const location = issue.line === undefined ? '–' : issue.col === undefined ? `${issue.line}` : `${issue.line}:${issue.col}`
  return { path: issue.path === '' ? '(document)' : issue.path, location, message: issue.message }
}

export function formatClock(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour12: false })
}

/**
 * A [0, 1] ratio as a percentage with a fixed number of decimals (none by default), so a column of
 * them lines up: 0.724 → "72%", (0.7245, 1) → "72.5%". Out-of-range input is clamped.
 */
export function formatPercent(ratio: number, digits = 0): string {
  const clamped = Number.isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : 0
  return `${decimals(clamped * 100, digits, digits, false)}%`
}

/** A whole count with thousands separators: 12345 → "12,345". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}

/**
 * Money in the economy's units, always with two decimals so a column of amounts lines up:
 * 0.4 → "0.40", 27.7 → "27.70", 12345.6 → "12,345.60".
 */
export function formatMoney(amount: number): string {
  return decimals(amount, 2, 2, true)
}

/**
 * A wage per tick, exact: wages are small fractions (a barista earns 0.025 a tick), and rounding
 * to cents would show "0.03". Up to four decimals, never fewer than two: 0.025 → "0.025",
 * 0.5 → "0.50", 0.123456 → "0.1235".
 */
export function formatWage(amount: number): string {
  return decimals(amount, 2, 4, true)
}

/** A figure with at most `maxDigits` decimals and no trailing zeros: (1.5, 2) → "1.5", (2, 2) → "2". */
export function formatTrimmed(value: number, maxDigits: number): string {
  return decimals(value, 0, maxDigits, false)
}

/** The one place numbers get their decimals; rounding a tiny negative must not print "-0.00". */
function decimals(value: number, minDigits: number, maxDigits: number, grouping: boolean): string {
  if (!Number.isFinite(value)) return '—'
  const text = value.toLocaleString('en-US', { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits, useGrouping: grouping })
  return /^-[0.,]+$/.test(text) ? text.slice(1) : text
}

/** "min–max" with an en dash, each end as money. */
export function formatMoneyRange(min: number, max: number): string {
  return `${formatMoney(min)}–${formatMoney(max)}`
}

/** The simulated time of day from a summary's day and clock: "day 0 · 07:30" (shared/sim-clock.ts spells it). */
export function formatDayClock(day: number, clock: string): string {
  return dayClockLabel(day, clock)
}

/** A signed figure with fixed decimals: 0.1 → "+0.10", -0.05 → "-0.05", and zero (or what rounds to it) → "0.00". */
export function formatSigned(value: number, digits = 2): string {
  const text = value.toFixed(digits)
  if (Number(text) === 0) return (0).toFixed(digits)
  return value > 0 ? `+${text}` : text
}

/** A figure with fixed decimals (2 by default), "—" for null. */
export function formatFixed(value: number | null, digits = 2): string {
  return value === null ? '—' : decimals(value, digits, digits, false)
}

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'] as const

/** A file size in powers of 1,024 with one decimal past bytes: 512 → "512 B", 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes < 1024) return `${Math.round(bytes)} B`
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${decimals(value, 1, 1, true)} ${BYTE_UNITS[unit]}`
}

/** How long ago, coarsely: "just now", "45 s ago", "12 min ago", "3 h ago", "2 d ago". A future time reads "just now". */
export function formatAge(thenMs: number, nowMs: number): string {
  const seconds = Math.floor((nowMs - thenMs) / 1000)
  if (!Number.isFinite(seconds) || seconds < 5) return 'just now'
  if (seconds < 60) return `${seconds} s ago`
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`
  return `${formatCount(Math.floor(seconds / 86_400))} d ago`
}
