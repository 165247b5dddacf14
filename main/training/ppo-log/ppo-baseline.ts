/**
 * `--baseline F`: a JSON object of reference numbers. The validator compares the log's
 * `baseline_*` fields with it (so the file must name at least one of them); the summary compares
 * the newest record with every number in it. Booleans are not numbers here (Python counts True
 * as 1: the original would compare a flag as a metric).
 */
import { printableKey } from './json-line'
import { BASELINE_DRIFT_KEYS } from './ppo-keys'
import { describeValue } from './ppo-record-schema'
import { signed } from './ppo-summary-format'

const MAX_KEYS = 1000

export type BaselineParse = { ok: true; values: Record<string, number> } | { ok: false; message: string }

function object(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: 'the baseline file is not JSON (a JSON object of numbers is expected)' }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: 'the baseline file must hold a JSON object' }
  return { ok: true, value: value as Record<string, unknown> }
}

/** The validator's baseline: the baseline_* keys it names, each a finite number; at least one. */
export function parseValidateBaseline(text: string): BaselineParse {
  const parsed = object(text)
  if (!parsed.ok) return parsed
  const values = Object.create(null) as Record<string, number>
  for (const key of BASELINE_DRIFT_KEYS) {
    if (!Object.hasOwn(parsed.value, key)) continue
    const v = parsed.value[key]
    if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, message: `the baseline file's ${key} must be a finite number, got ${describeValue(v)}` }
    values[key] = v
  }
  if (Object.keys(values).length === 0) return { ok: false, message: `the baseline file names none of ${BASELINE_DRIFT_KEYS.join(', ')}` }
  return { ok: true, values }
}

/** The summary's baseline: every finite number in the object (other values are ignored). */
export function parseSummaryBaseline(text: string): BaselineParse {
  const parsed = object(text)
  if (!parsed.ok) return parsed
  const keys = Object.keys(parsed.value)
  if (keys.length > MAX_KEYS) return { ok: false, message: `the baseline file has ${keys.length} keys, more than the ${MAX_KEYS} allowed` }
  const values = Object.create(null) as Record<string, number>
  for (const key of keys) {
    const v = parsed.value[key]
    if (typeof v === 'number' && Number.isFinite(v)) values[key] = v
  }
  return { ok: true, values }
}

/**
 * The validator's drift table, one row per record: log minus baseline for each key both have,
 * then percentages with --relative. Rows are made one at a time (nothing is kept but the worst
 * delta per key and the keys past the threshold).
 */
export class DriftTable {
  private readonly worst: Record<string, number>
  private readonly exceeded = new Map<string, number>()

  constructor(
    private readonly baseline: Record<string, number>,
    private readonly keys: readonly string[],
    private readonly threshold: number | null,
    private readonly relative: boolean
  ) {
    this.worst = Object.fromEntries(keys.map((k) => [k, 0]))
  }

  header(): string {
    const names = ['epoch', ...this.keys, ...(this.relative ? this.keys.map((k) => `${k}%`) : [])]
    return `\nBaseline drift summary (log - baseline):\n  ${names.map((n) => pad(printableKey(n))).join(' | ')}\n`
  }

  row(record: Record<string, unknown>): string {
    const epoch = typeof record.epoch === 'number' ? String(Math.trunc(record.epoch)) : 'n/a'
    const cells = [epoch]
    const deltas = this.keys.map((key) => {
      const v = record[key]
      return typeof v === 'number' && Number.isFinite(v) ? v - this.baseline[key]! : null
    })
    this.keys.forEach((key, i) => {
      const d = deltas[i] ?? null
      cells.push(d === null ? 'n/a' : signed(d, 6))
      if (d === null) return
      if (Math.abs(d) > Math.abs(this.worst[key]!)) this.worst[key] = d
      if (this.threshold !== null && Math.abs(d) > this.threshold) this.exceeded.set(key, d)
    })
    if (this.relative) {
      this.keys.forEach((key, i) => {
        const d = deltas[i] ?? null
        const base = this.baseline[key]!
        cells.push(d === null || base === 0 ? 'n/a' : `${signed((d / base) * 100, 2)}%`)
      })
    }
    return `  ${cells.map(pad).join(' | ')}\n`
  }

  footer(): string {
    return `\n  Worst absolute drift by key:\n${this.keys.map((k) => `    ${printableKey(k)}: ${signed(this.worst[k]!, 6)}\n`).join('')}`
  }

  /** "Baseline drift exceeds threshold T: k=+x", or null when nothing passed it. */
  failure(): string | null {
    if (this.threshold === null || this.exceeded.size === 0) return null
    const pairs = [...this.exceeded].map(([k, d]) => `${printableKey(k)}=${signed(d, 6)}`).join(', ')
    return `Baseline drift exceeds threshold ${this.threshold}: ${pairs}`
  }
}

function pad(text: string): string {
  return text.padStart(20)
}
