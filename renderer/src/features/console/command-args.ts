/**
 * The command runner's argument form: an input per argument the command lists, typed by the
 * argument's kind (from the host, or read from the words of its type for an older host), or raw
 * JSON. Turns what was typed into `args` or says what is wrong, so a destructive command is only
 * confirmed once its arguments are known to parse.
 */
import type { ArgInfo, ArgKind } from '../../../../shared/contract/dto/console'

export type { ArgInfo, ArgKind }

export type ArgsResult = { ok: true; args: Record<string, unknown> } | { ok: false; error: string }

/** An argument's field: its kind and, for `enum`, the values it may take. */
export interface ArgField {
  kind: ArgKind
  choices: readonly string[]
}

/** `one of "power", "water"` → ["power", "water"]; the host's describe-schema writes it that way. */
function choicesInWords(type: string): string[] | null {
  const m = /^one of (.+)$/.exec(type.trim())
  if (!m?.[1]) return null
  const quoted = m[1].match(/"(?:[^"\\]|\\.)*"/g)
  if (!quoted) return null
  try {
    return quoted.map((q) => JSON.parse(q) as string)
  } catch {
    return null
  }
}

/** The kind an argument's type words name ("number", "a whole number", "true or false", "object" …). */
export function kindFromType(type: string): ArgKind {
  if (choicesInWords(type)) return 'enum'
  const t = type.toLowerCase()
  if (/\[\]|\barray\b|\bobject\b|\brecord\b|\{|\bjson\b|\ba list\b/.test(t)) return 'json'
  if (/\b(int|integer|whole number)\b/.test(t)) return 'integer'
  if (/\b(number|float)\b/.test(t)) return 'number'
  if (/\bbool(ean)?\b|^true or false$/.test(t)) return 'boolean'
  return 'text'
}

/** The field an argument gets: the host's `kind` and `choices` when it sent them, else read from `type`. */
export function argField(arg: ArgInfo): ArgField {
  if (arg.kind) return { kind: arg.kind === 'enum' && !arg.choices?.length ? 'text' : arg.kind, choices: arg.choices ?? [] }
  const kind = kindFromType(arg.type)
  return { kind, choices: kind === 'enum' ? (choicesInWords(arg.type) ?? []) : [] }
}

const TRUE_WORDS = new Set(['true', 'on', 'yes'])
const FALSE_WORDS = new Set(['false', 'off', 'no'])

/** true/false, on/off, yes/no in any case; null for anything else. */
export function parseBoolean(text: string): boolean | null {
  const word = text.trim().toLowerCase()
  if (TRUE_WORDS.has(word)) return true
  if (FALSE_WORDS.has(word)) return false
  return null
}

type One = { ok: true; value: unknown } | { ok: false; error: string }

function numberValue(arg: ArgInfo, raw: string, integer: boolean): One {
  const n = Number(raw)
  if (!Number.isFinite(n)) return { ok: false, error: `${arg.name} must be a number` }
  if (integer && !Number.isInteger(n)) return { ok: false, error: `${arg.name} must be a whole number` }
  const { min, max } = arg
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `≥ ${min}` : `≤ ${max}`
    return { ok: false, error: `${arg.name} must be ${range}, got ${n}` }
  }
  return { ok: true, value: n }
}

function oneValue(arg: ArgInfo, raw: string): One {
  const field = argField(arg)
  switch (field.kind) {
    case 'number':
    case 'integer':
      return numberValue(arg, raw, field.kind === 'integer')
    case 'boolean': {
      const value = parseBoolean(raw)
      return value === null ? { ok: false, error: `${arg.name} must be true or false (on/off, yes/no)` } : { ok: true, value }
    }
    case 'enum':
      return field.choices.includes(raw) ? { ok: true, value: raw } : { ok: false, error: `${arg.name} must be one of ${field.choices.join(', ')}` }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(raw) as unknown }
      } catch {
        return { ok: false, error: `${arg.name} must be JSON` }
      }
    case 'text':
      return { ok: true, value: raw }
  }
}

/** Reads the form's values; empty optional arguments are left out. */
export function buildArgs(args: readonly ArgInfo[], values: Readonly<Record<string, string>>): ArgsResult {
  const out: Record<string, unknown> = {}
  for (const arg of args) {
    const raw = (values[arg.name] ?? '').trim()
    if (raw === '') {
      if (arg.required) return { ok: false, error: `${arg.name} is required` }
      continue
    }
    const one = oneValue(arg, raw)
    if (!one.ok) return one
    out[arg.name] = one.value
  }
  return { ok: true, args: out }
}

/** Raw JSON arguments: an object, or empty for none. */
export function parseRawArgs(text: string): ArgsResult {
  if (text.trim() === '') return { ok: true, args: {} }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (cause) {
    return { ok: false, error: `not JSON: ${cause instanceof Error ? cause.message : String(cause)}` }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'args must be a JSON object, e.g. {"agent": "alice"}' }
  return { ok: true, args: value as Record<string, unknown> }
}
