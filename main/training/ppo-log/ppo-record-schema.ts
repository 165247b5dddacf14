/**
 * The PPO log's record schemas, one per telemetry version (1.0, 1.1, 1.2), as zod schemas built
 * from the key lists in ppo-keys.ts. Extra keys are fine at every version (the producer adds
 * per-batch conflict statistics of its own); what a version requires must be there with the
 * right type, and a 1.0 record must not carry any field 1.1 introduced.
 */
import { z } from 'zod'
import {
  ANNEAL_BOOLEAN_KEYS, ANNEAL_NUMERIC_KEYS, ANNEAL_TEXT_KEYS, BASE_NUMERIC_KEYS, BASELINE_KEYS, BASELINE_OPTIONAL_KEY,
  CONFLICT_KEYS, DATA_MODES, PPO_VERSIONS, V1_1_NUMERIC_KEYS, V1_1_ONLY_KEYS, V1_2_SOCIAL_KEYS, type PpoVersion
} from './ppo-keys'

/** A short, content-free description of a value for messages: its JSON type, never its text. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') return Number.isFinite(value) ? `${value}` : 'a non-finite number'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return 'a string'
  return `a ${typeof value}`
}

const finite = z.number({ error: (issue) => (issue.input === undefined ? 'missing' : `must be a finite number, got ${describeValue(issue.input)}`) })
const numbers = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, finite])) as Record<K, typeof finite>

const optionalNumberOrNull = z.number({ error: (i) => `must be a finite number or null, got ${describeValue(i.input)}` }).nullable().optional()
const optionalBoolean = z.boolean({ error: (i) => `must be true or false, got ${describeValue(i.input)}` }).optional()
const optionalText = z.string({ error: (i) => `must be a string, got ${describeValue(i.input)}` }).max(200, 'is longer than 200 characters').optional()

/** Anneal fields are optional everywhere; when present they have these types. */
const annealShape = {
  ...Object.fromEntries(ANNEAL_NUMERIC_KEYS.map((k) => [k, optionalNumberOrNull])),
  ...Object.fromEntries(ANNEAL_BOOLEAN_KEYS.map((k) => [k, optionalBoolean])),
  ...Object.fromEntries(ANNEAL_TEXT_KEYS.map((k) => [k, optionalText]))
}

/** The four baseline aggregates are checked as a group (all present → all finite), as the original does. */
function checkBaseline(record: Record<string, unknown>, ctx: z.RefinementCtx): void {
  if (!BASELINE_KEYS.every((k) => k in record)) return
  for (const key of [...BASELINE_KEYS, BASELINE_OPTIONAL_KEY]) {
    const value = record[key]
    if (key in record && (typeof value !== 'number' || !Number.isFinite(value))) {
      ctx.addIssue({ code: 'custom', path: [key], message: `must be a finite number, got ${describeValue(value)}` })
    }
  }
}

const base = z.looseObject({ ...numbers(BASE_NUMERIC_KEYS), ...numbers(CONFLICT_KEYS), ...annealShape })
const dataMode = z.enum(DATA_MODES, { error: (i) => (i.input === undefined ? 'missing' : `must be one of ${DATA_MODES.join(', ')}, got ${typeof i.input === 'string' ? 'another string' : describeValue(i.input)}`) })

const v10 = base.superRefine((record, ctx) => {
  const newer = V1_1_ONLY_KEYS.filter((k) => k in record)
  if (newer.length > 0) ctx.addIssue({ code: 'custom', path: [], message: `telemetry_version 1.0 must not carry fields 1.1 added (${newer.join(', ')}): write them all with telemetry_version 1.1, or none` })
  checkBaseline(record, ctx)
})
const v11Shape = base.extend({ ...numbers(V1_1_NUMERIC_KEYS), data_mode: dataMode })
const v11 = v11Shape.superRefine(checkBaseline)
const v12 = v11Shape.extend(numbers(V1_2_SOCIAL_KEYS)).superRefine(checkBaseline)

export const PPO_RECORD_SCHEMAS: Record<PpoVersion, z.ZodType<Record<string, unknown>>> = { '1.0': v10, '1.1': v11, '1.2': v12 }

/**
 * The version a record declares, or why it has none we know. The producer writes a float
 * (1.2); 1.20 and 1.2 are the same version, 1.15 or 2.0 are not ones this reader knows.
 */
export function recordVersion(record: Record<string, unknown>): { ok: true; version: PpoVersion } | { ok: false; message: string } {
  const raw = record.telemetry_version
  if (raw === undefined) return { ok: false, message: 'telemetry_version: missing (every record names its version: 1.0, 1.1 or 1.2)' }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return { ok: false, message: `telemetry_version: must be a number (1.0, 1.1 or 1.2), got ${describeValue(raw)}` }
  const known = PPO_VERSIONS.find((v) => Number(v) === raw)
  if (known === undefined) return { ok: false, message: `telemetry_version ${raw} is not one this townlet reads (1.0, 1.1, 1.2): use a newer townlet, or check the producer` }
  return { ok: true, version: known }
}

/** Problems with one record against its own version's schema; empty when it is valid. */
export function recordProblems(record: Record<string, unknown>): { version: PpoVersion | null; problems: string[] } {
  const version = recordVersion(record)
  if (!version.ok) return { version: null, problems: [version.message] }
  const parsed = PPO_RECORD_SCHEMAS[version.version].safeParse(record)
  if (parsed.success) return { version: version.version, problems: [] }
  return { version: version.version, problems: issueMessages(parsed.error, `telemetry_version ${version.version}`) }
}

/** zod issues as "key: what is wrong" lines; missing keys grouped into one line. */
export function issueMessages(error: z.ZodError, context: string): string[] {
  const missing: string[] = []
  const other: string[] = []
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.')
    if (issue.message === 'missing') missing.push(key)
    else other.push(key === '' ? issue.message : `${key}: ${issue.message}`)
  }
  if (missing.length > 0) other.unshift(`missing required key${missing.length === 1 ? '' : 's'} for ${context}: ${missing.join(', ')}`)
  return other
}
