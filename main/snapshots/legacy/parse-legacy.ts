/**
 * Recognise and parse a document the original Python Townlet wrote: the 1.6 envelope
 * `{schema_version: "1.x", state}` or the bare 1.x state older shards wrote (top-level
 * `config_id`, `tick`, `agents` …). Everything else is a coded error; the messages quote only
 * short, escaped values from the document (paths, never contents).
 */
import { pathLabel, printable } from '../../config/bounded-text'
import { LEGACY_STATE_KEYS, LegacyStateSchema, type LegacyState } from './legacy-schema'
import { legacyErr, legacyOk, type LegacyIssue, type LegacyResult } from './legacy-result'

export type LegacyForm = 'envelope' | 'bare'

export interface LegacyDocument {
  form: LegacyForm
  /** The envelope's schema_version ("1.6"); null for a bare state. */
  schemaVersion: string | null
  state: LegacyState
  /** Top-level state keys no 1.x schema defines: dropped, reported. */
  unknownKeys: string[]
}

const LEGACY_VERSION = /^1(\.\d{1,4}){0,2}$/
/** Issues one error lists: enough to fix a document, never a wall of text. */
const MAX_LISTED = 20

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Whether `doc` looks like a legacy document at all (cheap: no validation), for a migration registry. */
export function looksLegacy(doc: unknown): boolean {
  if (!isRecord(doc)) return false
  if (typeof doc.schema_version === 'string') return LEGACY_VERSION.test(doc.schema_version) && isRecord(doc.state)
  return 'config_id' in doc && 'agents' in doc && !('schema_version' in doc)
}

export function parseLegacyDocument(doc: unknown): LegacyResult<LegacyDocument> {
  if (!isRecord(doc)) return legacyErr('snapshot.schema_mismatch', 'not a Townlet snapshot: the document is not a JSON object')
  let form: LegacyForm
  let schemaVersion: string | null = null
  let raw: unknown
  if ('schema_version' in doc) {
    const version = doc.schema_version
    if (typeof version !== 'string') return legacyErr('snapshot.schema_mismatch', 'schema_version is not a string: a legacy document has "1.x" there')
    if (!LEGACY_VERSION.test(version)) {
      return legacyErr('snapshot.schema_mismatch', `schema_version ${JSON.stringify(printable(version, 16))} is not a legacy 1.x version: load it as a snapshot, or migrate it with its own chain`)
    }
    if (!isRecord(doc.state)) return legacyErr('snapshot.invalid', 'the 1.x envelope has no state object: a 1.6 document is {"schema_version": "1.6", "state": {…}}')
    form = 'envelope'
    schemaVersion = version
    raw = doc.state
  } else if ('config_id' in doc && 'agents' in doc) {
    form = 'bare'
    raw = doc
  } else {
    return legacyErr('snapshot.schema_mismatch', 'not a legacy Townlet document: expected {"schema_version": "1.x", "state": {…}} or a bare state with config_id, tick and agents')
  }
  const parsed = LegacyStateSchema.safeParse(raw)
  if (!parsed.success) {
    const issues: LegacyIssue[] = parsed.error.issues.slice(0, MAX_LISTED).map((i) => ({ path: pathLabel(i.path) || '(state)', message: printable(i.message, 200) }))
    const more = parsed.error.issues.length - issues.length
    if (more > 0) issues.push({ path: '', message: `… and ${more} more` })
    const first = issues[0]!
    return legacyErr('snapshot.invalid', `the legacy state is not valid at ${first.path}: ${first.message}${issues.length > 1 ? ` (${parsed.error.issues.length} problems in all)` : ''}`, issues)
  }
  const known = new Set(LEGACY_STATE_KEYS)
  const unknownKeys = Object.keys(raw as Record<string, unknown>).filter((k) => !known.has(k))
  return legacyOk({ form, schemaVersion, state: parsed.data, unknownKeys })
}
