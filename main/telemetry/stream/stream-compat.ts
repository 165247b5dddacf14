/**
 * Whether a consumer built for stream 1.0 can read one message: what `townlet telemetry check`
 * reports per line. The rules (docs/telemetry.md, "Compatibility"):
 * - 1.x with x ≤ 0: every kind known, every payload checked; an `engine.event` is of a type in
 *   the engine's vocabulary (main/sim/events) with exactly its fields.
 * - 1.x with x > 0, a newer minor: additive by promise, so known kinds are checked (fields we do
 *   not know are ignored) and unknown kinds are fine, skipped; so are engine event types.
 * - a newer major: a warning; the envelope is read, the payload is not judged.
 * - anything else (0.x, not MAJOR.MINOR at all): an error.
 * Problems are in our own words; foreign text (a kind, a key) appears only as a sanitised snippet.
 */
import type { z } from 'zod'
import { snippet } from '../transports/sanitize'
import { isSimEventType } from '../../sim/events/event-map'
import { EnvelopeSchema, NewerMinorEngineEventMessageSchema, SchemaVersionSchema, STREAM_KINDS, STREAM_MAJOR, STREAM_MINOR, StreamMessageSchema, type StreamKind } from './stream-schema'

export type Verdict =
  | { level: 'ok'; kind: StreamKind | null; version: string; tick: number; seq: number | null }
  | { level: 'warning' | 'error'; problem: string; version: string | null }

const KNOWN = new Set<string>(STREAM_KINDS)
const MAX_ISSUES = 3

export function judgeMessage(value: unknown): Verdict {
  const envelope = EnvelopeSchema.safeParse(value)
  if (!envelope.success) return { level: 'error', problem: `not a stream message: ${describeIssues(envelope.error.issues)}`, version: null }
  const { schema_version: raw, kind, tick, seq } = envelope.data
  if (!SchemaVersionSchema.safeParse(raw).success) return { level: 'error', problem: `unknown schema_version ${snippet(raw, 16)}: a version is "MAJOR.MINOR" (this townlet reads ${STREAM_MAJOR}.x)`, version: null }
  const [major, minor] = raw.split('.').map(Number) as [number, number]
  if (major > STREAM_MAJOR) {
    return { level: 'warning', problem: `schema_version ${raw} is a newer major version than this townlet reads (${STREAM_MAJOR}.x): its payload was not checked; use a newer townlet`, version: raw }
  }
  if (major < STREAM_MAJOR) return { level: 'error', problem: `unknown schema_version ${raw}: no stream version before ${STREAM_MAJOR}.0 exists`, version: raw }
  if (!KNOWN.has(kind)) {
    if (minor > STREAM_MINOR) return { level: 'ok', kind: null, version: raw, tick, seq: seq ?? null }
    return { level: 'error', problem: `unknown kind ${snippet(kind, 32)} for schema_version ${raw}: one of ${STREAM_KINDS.join(', ')}`, version: raw }
  }
  const newer = minor > STREAM_MINOR
  const message = (newer && kind === 'engine.event' ? NewerMinorEngineEventMessageSchema : StreamMessageSchema).safeParse(value)
  if (!message.success) return { level: 'error', problem: `${kind}: ${describeIssues(message.error.issues)}`, version: raw }
  if (message.data.kind === 'engine.event' && !newer && !isSimEventType(message.data.payload.type)) {
    return { level: 'error', problem: `engine.event: unknown event type ${snippet(message.data.payload.type, 32)} for schema_version ${raw}: docs/telemetry.md ("Engine events") lists them`, version: raw }
  }
  return { level: 'ok', kind: kind as StreamKind, version: raw, tick, seq: seq ?? null }
}

/** At most a few issues, each path and message bounded and printable. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, MAX_ISSUES).map((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? String(p) : snippet(String(p), 24).slice(1, -1))).join('.')
    const text = snippet(i.message, 120).slice(1, -1)
    return path ? `${path}: ${text}` : text
  })
  const more = issues.length > MAX_ISSUES ? ` (and ${issues.length - MAX_ISSUES} more)` : ''
  return `${shown.join('; ')}${more}`
}
