/** Display formatting shared by panels; numbers go through here so they read the same everywhere. */
import type { ConfigIssue } from '../../../shared/contract/dto/config-summary'
import type { Speed } from '../../../shared/contract/dto/shard-status'

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

/** A [0, 1] ratio as a whole percentage, e.g. 0.724 → "72%"; out-of-range input is clamped. */
export function formatPercent(ratio: number): string {
  const clamped = Number.isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : 0
  return `${Math.round(clamped * 100)}%`
}

/** A whole count with thousands separators: 12345 → "12,345". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US')
}

/**
 * Money in the economy's units. Prices are fractions (a meal costs 0.4), so small amounts keep
 * two decimals, larger ones fewer: 0.4 → "0.40", 123.45 → "123.5", 12345.6 → "12,346".
 */
export function formatMoney(amount: number): string {
  const abs = Math.abs(amount)
  const digits = abs < 10 ? 2 : abs < 1000 ? 1 : 0
  const text = amount.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
  // Rounding a tiny negative must not print "-0.00".
  return /^-[0.,]+$/.test(text) ? text.slice(1) : text
}

/** "min–max" with an en dash, each end as money. */
export function formatMoneyRange(min: number, max: number): string {
  return `${formatMoney(min)}–${formatMoney(max)}`
}

/** The simulated time of day: "day 0 · 07:30". */
export function formatDayClock(day: number, clock: string): string {
  return `day ${day} · ${clock}`
}

/** A signed figure with fixed decimals: 0.1 → "+0.10", -0.05 → "-0.05", and zero (or what rounds to it) → "0.00". */
export function formatSigned(value: number, digits = 2): string {
  const text = value.toFixed(digits)
  if (Number(text) === 0) return (0).toFixed(digits)
  return value > 0 ? `+${text}` : text
}

/** A figure with fixed decimals (2 by default), "—" for null. */
export function formatFixed(value: number | null, digits = 2): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(digits)
}
