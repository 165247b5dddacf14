/**
 * `exclude_fields`: payload fields removed before a message leaves, by `KIND:PATH` entries that
 * the config already checked (parseFieldPath in main/config/sections/telemetry-dispatch.ts).
 * The paths are grouped by kind once; a message of a kind no path names costs one map lookup.
 * Removal copies only the objects on the way down to a removed field.
 */
import type { FieldPath } from '../../config/sections/telemetry-dispatch'
import { setOwn } from './set-own'

export class FieldFilter {
  private readonly byKind = new Map<string, string[][]>()
  private readonly everyKind: string[][] = []

  constructor(paths: readonly FieldPath[]) {
    for (const p of paths) {
      if (p.kind === '*') this.everyKind.push(p.segments)
      else this.byKind.set(p.kind, [...(this.byKind.get(p.kind) ?? []), p.segments])
    }
    // A `*:` path applies to each kind as well: fold it in, so `apply` looks up one list.
    for (const [kind, list] of this.byKind) this.byKind.set(kind, [...list, ...this.everyKind])
  }

  get empty(): boolean {
    return this.byKind.size === 0 && this.everyKind.length === 0
  }

  /** The payload without the fields named for `kind`; the same object when none was there. */
  apply(kind: string, payload: unknown): unknown {
    const paths = this.byKind.get(kind) ?? this.everyKind
    let out = payload
    for (const segments of paths) out = without(out, segments, 0)
    return out
  }
}

/** `value` with the field at `segments[at…]` removed (every match of a `*`). */
function without(value: unknown, segments: readonly string[], at: number): unknown {
  if (value === null || typeof value !== 'object') return value
  const segment = segments[at]!
  const last = at === segments.length - 1
  if (Array.isArray(value)) {
    // Arrays are stepped through by `*` only; a named key does not index into them.
    if (segment !== '*') return value
    if (last) return value.length === 0 ? value : []
    let out: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const next = without(value[i], segments, at + 1)
      if (next !== value[i]) (out ??= value.slice())[i] = next
    }
    return out ?? value
  }
  const record = value as Record<string, unknown>
  if (segment !== '*') {
    if (!Object.hasOwn(record, segment)) return value
    if (last) return copyWithout(record, (k) => k === segment)
    const next = without(record[segment], segments, at + 1)
    return next === record[segment] ? value : copyWith(record, segment, next)
  }
  if (last) return Object.keys(record).length === 0 ? value : {}
  let out: Record<string, unknown> | undefined
  for (const key of Object.keys(record)) {
    const next = without(record[key], segments, at + 1)
    if (next === record[key]) continue
    out ??= copyWithout(record, () => false)
    setOwn(out, key, next)
  }
  return out ?? value
}

function copyWithout(record: Record<string, unknown>, drop: (key: string) => boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(record)) if (!drop(key)) setOwn(out, key, record[key])
  return out
}

function copyWith(record: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = copyWithout(record, () => false)
  setOwn(out, key, value)
  return out
}
