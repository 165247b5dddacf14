/**
 * A parsed JSON value to a checked snapshot document, in the order that gives the most useful
 * answer: is it a snapshot at all (a legacy 1.x document is told apart and pointed at the
 * import), which schema, does the checksum match the state as written, are the fields right,
 * and do identity and state agree. A newer 2.x minor loads only with allow_downgrade, leniently:
 * fields this version does not know are dropped and listed.
 */
import { ok, type Result } from '../../shared/result'
import type { SnapshotProblem } from '../../shared/contract/dto/snapshots'
import { SNAPSHOT_SCHEMA_VERSION, SnapshotDocumentSchema, rngFingerprints, stateChecksum, type SnapshotDocument } from './snapshot-document'
import { pathOf, quote, snapshotErr } from './snapshot-errors'

export interface CheckOptions {
  /** Load a newer 2.x document (snapshot.guardrails.allow_downgrade). */
  allowDowngrade?: boolean
}

export interface CheckedDocument {
  doc: SnapshotDocument
  /** What a lenient read dropped or assumed; empty for a document of this version. */
  warnings: SnapshotProblem[]
}

const LEGACY_VERSION = /^1(\.\d{1,4}){0,2}$/
const MAX_LISTED = 5

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A document of the original Python Townlet: the 1.x envelope, or a bare 1.x state (config_id, agents, no schema_version). */
export function isLegacyDocument(json: unknown): boolean {
  if (!isRecord(json)) return false
  if ('schema_version' in json) return typeof json.schema_version === 'string' && LEGACY_VERSION.test(json.schema_version)
  return typeof json.config_id === 'string' && 'agents' in json
}

export const LEGACY_HINT = 'a legacy document of the original Python Townlet: import it with `townlet snapshot migrate FILE --config TARGET --output DIR` (or Preview migration in the Snapshots panel)'

export function checkDocument(json: unknown, options: CheckOptions = {}): Result<CheckedDocument> {
  if (!isRecord(json)) return snapshotErr('snapshot.invalid', '(document): not a JSON object, so not a Townlet snapshot', { path: '(document)' })
  if (isLegacyDocument(json)) {
    const found = typeof json.schema_version === 'string' ? json.schema_version : '1.x (bare state)'
    return snapshotErr('snapshot.schema_mismatch', `schema_version ${quote(found, 16)}: this is ${LEGACY_HINT}`, { found: found.slice(0, 16), supported: SNAPSHOT_SCHEMA_VERSION, legacy: true })
  }
  const version = json.schema_version
  if (typeof version !== 'string') {
    return snapshotErr('snapshot.invalid', `schema_version: ${version === undefined ? 'missing' : `${quote(version)}, not a string`}: a Townlet snapshot starts {"schema_version": "${SNAPSHOT_SCHEMA_VERSION}", …}`, { path: 'schema_version' })
  }
  const minor = newerMinor(version)
  if (minor === undefined && version !== SNAPSHOT_SCHEMA_VERSION) {
    return snapshotErr('snapshot.schema_mismatch', `schema_version ${quote(version, 16)} is unknown: this workstation reads ${SNAPSHOT_SCHEMA_VERSION} (and 1.x legacy documents through migrate)`, { found: version.slice(0, 16), supported: SNAPSHOT_SCHEMA_VERSION })
  }
  if (minor !== undefined && !options.allowDowngrade) {
    return snapshotErr(
      'snapshot.schema_mismatch',
      `schema_version ${quote(version, 16)} is newer than the supported ${SNAPSHOT_SCHEMA_VERSION}: update the workstation, or set snapshot.guardrails.allow_downgrade: true to load what this version knows of it`,
      { found: version.slice(0, 16), supported: SNAPSHOT_SCHEMA_VERSION }
    )
  }
  if (!isRecord(json.state)) return snapshotErr('snapshot.invalid', `state: ${json.state === undefined ? 'missing' : 'not an object'}: the document holds no state to load`, { path: 'state' })
  if (typeof json.checksum !== 'string' || !/^[0-9a-f]{64}$/.test(json.checksum)) {
    return snapshotErr('snapshot.invalid', 'checksum: missing or not a sha256 in lowercase hex: save the snapshot again', { path: 'checksum' })
  }
  // The checksum covers the state exactly as written, before any field is read from it.
  let sum: string
  try {
    sum = stateChecksum(json.state)
  } catch {
    return snapshotErr('snapshot.invalid', 'state: holds values JSON cannot carry exactly, or is nested too deeply', { path: 'state' })
  }
  if (sum !== json.checksum) {
    return snapshotErr('snapshot.integrity', `checksum: the state's sha256 is ${sum.slice(0, 12)}…, the file says ${json.checksum.slice(0, 12)}…: the file was changed or damaged since it was saved; use another snapshot`, {
      path: 'checksum'
    })
  }
  const warnings: SnapshotProblem[] = []
  const input = minor === undefined ? json : lenient(json, version, warnings)
  const parsed = SnapshotDocumentSchema.safeParse(input)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_LISTED).map((i) => ({ path: pathOf(i.path), message: i.message.slice(0, 200) }))
    const more = parsed.error.issues.length - issues.length
    const listed = issues.map((i) => `${i.path}: ${i.message}`).join('; ') + (more > 0 ? `; … and ${more} more` : '')
    return snapshotErr('snapshot.invalid', `not a usable snapshot document: ${listed}`, { path: issues[0]?.path ?? '(document)', issues })
  }
  const doc = minor === undefined ? parsed.data : { ...parsed.data, schema_version: SNAPSHOT_SCHEMA_VERSION, checksum: stateChecksum(parsed.data.state) }
  const agree = identityProblem(doc)
  if (agree) return snapshotErr('snapshot.integrity', `${agree}: the file was edited after it was saved; use another snapshot`, { path: agree.split(' ')[0] })
  return ok({ doc, warnings })
}

/** The minor version of a newer 2.x, or undefined for anything else. */
function newerMinor(version: string): number | undefined {
  const m = /^2\.(\d{1,6})$/.exec(version)
  if (!m) return undefined
  const minor = Number(m[1])
  return minor > Number(SNAPSHOT_SCHEMA_VERSION.split('.')[1]) ? minor : undefined
}

const KNOWN = {
  document: ['schema_version', 'identity', 'tick', 'state', 'checksum', 'migrations'],
  state: ['world', 'policy', 'console', 'telemetry', 'last_events'],
  identity: ['config_id', 'policy_hash', 'backend', 'provider', 'observation_variant', 'anneal_ratio', 'rng']
}

/** A newer minor: keep what 2.0 knows, list what is dropped (by name, bounded). */
function lenient(json: Record<string, unknown>, version: string, warnings: SnapshotProblem[]): Record<string, unknown> {
  const dropped: string[] = []
  const pick = (o: unknown, keys: string[], at: string): unknown => {
    if (!isRecord(o)) return o
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(o)) {
      if (keys.includes(k)) out[k] = v
      else dropped.push(`${at}${k.slice(0, 64)}`)
    }
    return out
  }
  const top = pick(json, KNOWN.document, '') as Record<string, unknown>
  const out: Record<string, unknown> = { ...top, state: pick(top.state, KNOWN.state, 'state.'), identity: pick(top.identity, KNOWN.identity, 'identity.') }
  if (!isRecord(out.migrations)) out.migrations = { applied: [] }
  const list = dropped.slice(0, 10).join(', ') + (dropped.length > 10 ? `, … ${dropped.length - 10} more` : '')
  warnings.push({
    code: 'snapshot.schema_mismatch',
    message: `schema_version ${quote(version, 16)} is newer than ${SNAPSHOT_SCHEMA_VERSION}; loaded because snapshot.guardrails.allow_downgrade is on${dropped.length > 0 ? `, without the fields this version does not know: ${list}` : ''}`
  })
  return out
}

function identityProblem(doc: SnapshotDocument): string | undefined {
  const world = doc.state.world
  if (world.config_id !== doc.identity.config_id) return `identity.config_id ${quote(doc.identity.config_id)} differs from state.world.config_id ${quote(world.config_id)}`
  if (world.tick !== doc.tick) return `tick ${doc.tick} differs from state.world.tick ${world.tick}`
  const prints = rngFingerprints(world.rng)
  for (const stream of ['world', 'events', 'policy'] as const) {
    if (prints[stream] !== doc.identity.rng[stream]) return `identity.rng.${stream} does not match the ${stream} stream in state.world.rng`
  }
  return undefined
}
