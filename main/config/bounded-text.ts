/**
 * Text from a config file as it may appear in an error: cut short and escaped, so a key of a
 * megabyte, or one holding newlines and terminal escapes, reaches a log line or the UI as a
 * short, printable, single-line quote.
 */

/** The longest key an issue quotes; longer ones are cut and end with "…". */
export const MAX_QUOTED = 64
/** The longest issue message; schema messages may repeat values from the file. */
const MAX_MESSAGE = 600

/**
 * Control characters JSON.stringify leaves as they are (DEL, C1 controls, line and paragraph
 * separators, bidirectional overrides): escaped too, as \uXXXX.
 */
const UNESCAPED_CONTROLS = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/** Every control character, for text that did not go through JSON.stringify. */
const ALL_CONTROLS = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu

const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

/** `"name"`: a key from the file, at most MAX_QUOTED characters, JSON-escaped. */
export function quoteKey(key: string): string {
  return JSON.stringify(cut(key, MAX_QUOTED)).replace(UNESCAPED_CONTROLS, hex)
}

/**
 * A value from a config file, as an issue quotes it: a string cut and escaped like a key, a
 * number, boolean or null as written, a list or mapping by its size only (never its contents,
 * which may be large). Only for files already known to be configs (see document-kind).
 */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') return quoteKey(value)
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value)
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`
  if (typeof value === 'object') {
    const n = Object.keys(value).length
    return `a mapping of ${n} key${n === 1 ? '' : 's'}`
  }
  return typeof value
}

/** Any text for an issue: control characters escaped, newlines included, and cut at `max`. */
export function printable(text: string, max = MAX_MESSAGE): string {
  return cut(text, max).replace(ALL_CONTROLS, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : hex(c)))
}

/** `world.agents.0.id`: a dotted path whose segments are cut and escaped like quoted keys. */
export function pathLabel(path: readonly PropertyKey[]): string {
  return path.map((segment) => printable(String(segment), MAX_QUOTED)).join('.')
}
