/**
 * One line of a snapshot listing: what the file holds (tick, config_id, policy hash, schema), its
 * size and age, and whether it can be used, with the coded reason when not. A file is read with
 * the size bound, through the workspace (a link out of it is listed as such, never followed), and
 * a legacy 1.x document is recognised and described from its own fields, bounded.
 */
import { lstat } from 'node:fs/promises'
import type { SnapshotEntry, SnapshotProblem } from '../../shared/contract/dto/snapshots'
import { checkDocument, isLegacyDocument } from './check-document'
import { isGzip, parseJsonBytes } from './snapshot-codec'
import { AUTOSAVE_PREFIX } from './snapshot-names'
import { readSnapshotBytes, type SnapshotFiles } from './snapshot-files'

type Meta = Pick<SnapshotEntry, 'tick' | 'config_id' | 'policy_hash' | 'schema_version' | 'kind' | 'integrity'>

const unreadable = (problem: SnapshotProblem): Meta => ({ tick: null, config_id: null, policy_hash: null, schema_version: null, kind: 'unreadable', integrity: { ok: false, problem } })

export async function describeSnapshotFile(path: string, name: string, files: SnapshotFiles, maxBytes: number): Promise<SnapshotEntry> {
  const info = await lstat(path).catch(() => undefined)
  const base = { name, bytes: info?.isFile() ? info.size : 0, modified_ms: info?.mtimeMs ?? 0, autosave: name.startsWith(AUTOSAVE_PREFIX) }
  const read = await readSnapshotBytes(path, files, maxBytes)
  if (!read.ok) return { ...base, gzip: name.endsWith('.gz'), ...unreadable({ code: read.error.code, message: read.error.message }) }
  const bytes = read.value.bytes
  return { ...base, bytes: bytes.length, gzip: isGzip(bytes), ...describeBytes(bytes, maxBytes) }
}

function describeBytes(bytes: Buffer, maxBytes: number): Meta {
  const json = parseJsonBytes(bytes, maxBytes)
  if (!json.ok) return unreadable({ code: json.error.code, message: json.error.message })
  const checked = checkDocument(json.value, { allowDowngrade: true })
  const o = (typeof json.value === 'object' && json.value !== null ? json.value : {}) as Record<string, unknown>
  if (checked.ok) {
    const { doc } = checked.value
    // Listed as written: a newer minor shows its own version (it loads only with allow_downgrade).
    return { tick: doc.tick, config_id: doc.identity.config_id, policy_hash: doc.identity.policy_hash, schema_version: textOf(o.schema_version, 32) ?? doc.schema_version, kind: 'snapshot', integrity: { ok: true } }
  }
  const problem = { code: checked.error.code, message: checked.error.message }
  if (isLegacyDocument(json.value)) return { ...legacyMeta(o), kind: 'legacy', integrity: { ok: false, problem } }
  // A document that does not check: still say what it claims to be, when it says it plainly.
  const identity = (typeof o.identity === 'object' && o.identity !== null ? o.identity : {}) as Record<string, unknown>
  return { ...unreadable(problem), tick: tickOf(o.tick), config_id: textOf(identity.config_id), policy_hash: textOf(identity.policy_hash), schema_version: textOf(o.schema_version, 32) }
}

function legacyMeta(o: Record<string, unknown>): Pick<Meta, 'tick' | 'config_id' | 'policy_hash' | 'schema_version'> {
  const state = (typeof o.state === 'object' && o.state !== null ? o.state : o) as Record<string, unknown>
  const identity = (typeof state.identity === 'object' && state.identity !== null ? state.identity : {}) as Record<string, unknown>
  return { tick: tickOf(state.tick), config_id: textOf(state.config_id), policy_hash: textOf(identity.policy_hash), schema_version: textOf(o.schema_version, 32) ?? '1.x' }
}

const tickOf = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null)
const textOf = (v: unknown, max = 200): string | null => (typeof v === 'string' ? v.slice(0, max) : null)
