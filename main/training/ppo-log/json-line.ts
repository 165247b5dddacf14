/**
 * One NDJSON line to a JSON object, or a message saying what is wrong with it that never quotes
 * more than a short escaped snippet of it. Python's json module (the original producer) writes
 * NaN, Infinity and -Infinity as bare tokens, which JSON.parse refuses with an unhelpful
 * "Unexpected token": those are found and named ("loss_total is NaN") so the operator knows it is
 * the trainer that diverged, not the file that is broken.
 */
import { snippet } from '../../telemetry/transports/sanitize'

export type LineParse = { ok: true; value: Record<string, unknown> } | { ok: false; message: string }

/** Nesting deeper than this is refused before anything walks it. */
const MAX_DEPTH = 32

export function parseJsonLine(text: string): LineParse {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    const nonFinite = findNonFinite(text)
    if (nonFinite !== null) return { ok: false, message: nonFinite }
    return { ok: false, message: `not JSON (${safeReason(e, text.length)}), starting ${snippet(text.trimStart(), 32)}` }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: `expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}` }
  }
  if (depth(value, 0) > MAX_DEPTH) return { ok: false, message: `nested deeper than ${MAX_DEPTH} levels` }
  const huge = firstNonFinite(value as Record<string, unknown>)
  if (huge !== null) return { ok: false, message: `${huge}: a number too large to be finite (non-finite numbers are refused)` }
  return { ok: true, value: value as Record<string, unknown> }
}

/** JSON.parse's reason without the line's text (V8 quotes the input in some messages). */
function safeReason(e: unknown, length: number): string {
  const message = e instanceof Error ? e.message : 'invalid'
  const position = /position (\d+)/.exec(message)
  if (/Unexpected end/i.test(message) || (position && Number(position[1]) >= length)) return 'it ends early'
  return position ? `unexpected character at column ${Number(position[1]) + 1}` : 'invalid syntax'
}

function depth(value: unknown, level: number): number {
  if (level > MAX_DEPTH || value === null || typeof value !== 'object') return level
  let deepest = level
  for (const child of Object.values(value)) deepest = Math.max(deepest, depth(child, level + 1))
  return deepest
}

/** A top-level key whose number overflowed to ±Infinity (1e999 parses as Infinity). */
function firstNonFinite(record: Record<string, unknown>): string | null {
  for (const [key, v] of Object.entries(record)) if (typeof v === 'number' && !Number.isFinite(v)) return printableKey(key)
  return null
}

const BARE = /^(NaN|-?Infinity)/

/**
 * Whether the line would be valid JSON but for bare NaN/Infinity values, and if so which keys
 * carry them: each bare token outside a string is replaced by a marker string and the line parsed
 * again. Null when the line is broken in some other way too.
 */
function findNonFinite(text: string): string | null {
  const markers: string[] = []
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (inString) {
      out += c
      if (c === '\\') out += text[++i] ?? ''
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') {
      inString = true
      out += c
      continue
    }
    const bare = c === 'N' || c === 'I' || c === '-' ? BARE.exec(text.slice(i, i + 9)) : null
    if (bare) {
      // Escaped in the JSON text (a raw NUL inside a JSON string is itself invalid).
      out += `"\\u0000nonfinite${markers.length}"`
      markers.push(bare[1]!)
      i += bare[1]!.length - 1
      continue
    }
    out += c
  }
  if (markers.length === 0) return null
  let value: unknown
  try {
    value = JSON.parse(out)
  } catch {
    return null
  }
  const found: string[] = []
  walk(value, '', (path, v) => {
    const m = typeof v === 'string' && v.startsWith('\u0000nonfinite') ? markers[Number(v.slice(10))] : undefined
    if (m !== undefined && found.length < 5) found.push(`${path || 'the value'} is ${m}`)
  })
  return `non-finite numbers are refused: ${found.join(', ')} (the trainer wrote a value JSON cannot carry; check it for divergence)`
}

function walk(value: unknown, path: string, visit: (path: string, v: unknown) => void, level = 0): void {
  if (level > MAX_DEPTH) return
  visit(path, value)
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, path === '' ? printableKey(k) : `${path}.${printableKey(k)}`, visit, level + 1)
  }
}

/** A key from the file, for messages: printable and short. */
export function printableKey(key: string): string {
  const safe = snippet(key, 64)
  return safe.slice(1, -1)
}
