/**
 * The command runner's argument form: an input per argument the command lists, typed by the
 * argument's declared type, or raw JSON. Turns what was typed into `args` or says what is wrong.
 */
import type { CommandInfo } from '../../../../shared/contract/dto/console'

export type ArgInfo = CommandInfo['args'][number]
export type ArgKind = 'number' | 'boolean' | 'json' | 'text'

export type ArgsResult = { ok: true; args: Record<string, unknown> } | { ok: false; error: string }

/** The input an argument gets, from its declared type ("number", "int", "boolean", "object", "string[]" …). */
export function argKind(type: string): ArgKind {
  const t = type.toLowerCase()
  if (/\b(number|int|integer|float)\b/.test(t) && !t.includes('[]')) return 'number'
  if (/\bbool(ean)?\b/.test(t)) return 'boolean'
  if (/\[\]|array|object|record|\{|json/.test(t)) return 'json'
  return 'text'
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
    const kind = argKind(arg.type)
    if (kind === 'number') {
      const n = Number(raw)
      if (!Number.isFinite(n)) return { ok: false, error: `${arg.name} must be a number` }
      out[arg.name] = n
    } else if (kind === 'boolean') {
      if (raw !== 'true' && raw !== 'false') return { ok: false, error: `${arg.name} must be true or false` }
      out[arg.name] = raw === 'true'
    } else if (kind === 'json') {
      try {
        out[arg.name] = JSON.parse(raw) as unknown
      } catch {
        return { ok: false, error: `${arg.name} must be JSON` }
      }
    } else {
      out[arg.name] = raw
    }
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
