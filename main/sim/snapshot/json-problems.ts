/**
 * What every state reader (`xFromJSON`) shares: a bounded list of problems named by JSON path, and
 * column checks that scan a plain number array once instead of running a schema per element (a
 * 10,000-agent town has ~400,000 column numbers). Saved state is a file's content, so nothing
 * here trusts a value: messages quote at most a short, escaped excerpt of it.
 */
import type { z } from 'zod'
import { printable, quoteKey, quoteValue } from '../../config/bounded-text'

/** A reader's answer: the live state, or the problems that stopped it (never a throw). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] }

/** Problems one answer lists; the rest are counted in a last line. */
export const MAX_PROBLEMS = 20

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

/** `agents.columns.x[3]`: a path segment appended the way JSON paths read. */
export function at(base: string, segment: string | number): string {
  if (typeof segment === 'number') return `${base}[${segment}]`
  const key = IDENTIFIER.test(segment) && segment.length <= 64 ? segment : `[${quoteKey(segment)}]`
  return base === '' ? key : key.startsWith('[') ? `${base}${key}` : `${base}.${key}`
}

/** Collects problems up to MAX_PROBLEMS, counting the rest, so a hostile file costs a bounded message. */
export class Problems {
  private readonly list: string[] = []
  private more = 0
  /** One problem per path: a missing key is not also "expected a list, got nothing". */
  private readonly seen = new Set<string>()

  add(path: string, message: string): void {
    if (this.seen.has(path)) return
    this.seen.add(path)
    if (this.list.length < MAX_PROBLEMS) this.list.push(`${path || '(root)'}: ${printable(message, 300)}`)
    else this.more++
  }

  /** Problems of a nested reader, already prefixed. */
  addAll(problems: readonly string[]): void {
    for (const p of problems) {
      if (this.list.length < MAX_PROBLEMS) this.list.push(p)
      else this.more++
    }
  }

  /** Zod's issues under `base`. */
  addZod(base: string, error: z.ZodError): void {
    for (const issue of error.issues) this.add(issue.path.reduce<string>((p, s) => at(p, typeof s === 'number' ? s : String(s)), base), issue.message)
  }

  get any(): boolean {
    return this.list.length > 0
  }

  done(): string[] {
    return this.more > 0 ? [...this.list, `… and ${this.more} more problem${this.more === 1 ? '' : 's'}`] : [...this.list]
  }

  /** The problems found so far as a failed answer (for a reader that cannot go on). */
  failed<T>(): Parsed<T> {
    return { ok: false, problems: this.any ? this.done() : ['(root): unreadable'] }
  }

  /** `build()` when nothing was found, else the problems (build never runs on bad data). */
  result<T>(build: () => T): Parsed<T> {
    return this.any ? { ok: false, problems: this.done() } : { ok: true, value: build() }
  }
}

/** A plain JSON object (not an array, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * `v` as an object with exactly `keys`: missing and unknown keys are problems (unknown ones
 * quoted, the first few). Returns null when `v` is no object at all.
 */
export function objectWithKeys(p: Problems, path: string, v: unknown, keys: readonly string[]): Record<string, unknown> | null {
  if (!isRecord(v)) {
    p.add(path, `expected an object, got ${describe(v)}`)
    return null
  }
  for (const k of keys) if (!Object.hasOwn(v, k)) p.add(at(path, k), 'missing')
  let unknown = 0
  for (const k of Object.keys(v)) {
    if (keys.includes(k)) continue
    if (unknown++ < 3) p.add(at(path, k), keys.length <= 12 ? `unknown key: expected only ${keys.join(', ')}` : 'unknown key')
  }
  return v
}

export interface NumberBounds {
  /** Inclusive. */
  min: number
  max: number
  integer?: boolean
}

export const INT32: NumberBounds = { min: -(2 ** 31), max: 2 ** 31 - 1, integer: true }
/** Money, needs, traits and the like never come near this; a value that does is not a town's. */
export const SANE: NumberBounds = { min: -1e15, max: 1e15 }
export const UNIT: NumberBounds = { min: 0, max: 1 }
export const COUNT: NumberBounds = { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }

/** Whether `v` is a number within `b` (finite, and an integer when asked). */
export function fits(v: unknown, b: NumberBounds): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= b.min && v <= b.max && (!b.integer || Number.isInteger(v))
}

export function boundsText(b: NumberBounds): string {
  return `${b.integer ? 'an integer' : 'a number'} from ${b.min} to ${b.max}`
}

/** One number, or a problem and null. */
export function numberAt(p: Problems, path: string, v: unknown, b: NumberBounds): number | null {
  if (fits(v, b)) return v
  p.add(path, `expected ${boundsText(b)}, got ${describe(v)}`)
  return null
}

/**
 * A number array of `length` entries (or at most `maxLength`), each within `bounds` (which may
 * depend on the index): one pass, the first bad entry reported. Returns the array itself (the
 * caller copies it into its column) or null.
 */
export function numberArray(p: Problems, path: string, v: unknown, shape: { length?: number; maxLength?: number }, bounds: NumberBounds): number[] | null {
  if (!Array.isArray(v)) {
    p.add(path, `expected a list of numbers, got ${describe(v)}`)
    return null
  }
  if (shape.length !== undefined && v.length !== shape.length) {
    p.add(path, `${v.length} entries, expected ${shape.length}`)
    return null
  }
  if (shape.maxLength !== undefined && v.length > shape.maxLength) {
    p.add(path, `${v.length} entries, at most ${shape.maxLength} fit`)
    return null
  }
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i]
    if (!fits(x, bounds)) {
      p.add(at(path, i), `expected ${boundsText(bounds)}, got ${describe(x)}`)
      return null
    }
  }
  return v as number[]
}

/** A list of strings of bounded length. */
export function stringArray(p: Problems, path: string, v: unknown, shape: { length?: number; maxLength?: number }, maxChars: number, minChars = 0): string[] | null {
  if (!Array.isArray(v)) {
    p.add(path, `expected a list of strings, got ${describe(v)}`)
    return null
  }
  if ((shape.length !== undefined && v.length !== shape.length) || (shape.maxLength !== undefined && v.length > shape.maxLength)) {
    p.add(path, `${v.length} entries, expected ${shape.length ?? `at most ${shape.maxLength}`}`)
    return null
  }
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i]
    if (typeof s !== 'string' || s.length > maxChars || s.length < minChars) {
      p.add(at(path, i), `expected a string of ${minChars}–${maxChars} characters, got ${describe(s)}`)
      return null
    }
  }
  return v as string[]
}

/** A short, bounded description of a foreign value for a message. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing'
  return quoteValue(v)
}
