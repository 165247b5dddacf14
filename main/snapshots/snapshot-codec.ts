/**
 * Snapshot bytes ⇄ documents. Written as canonical JSON (keys sorted at every level), gzip
 * optional (`.json.gz`; read back by its magic bytes, not its name). Reading is bounded: the
 * input's size, the inflated size (zlib stops at the bound, so a zip bomb costs no more than the
 * bound) and every field. Each way bytes can fail to be a usable document has its own code, and
 * the message quotes nothing of the file but short bounded values. Never throws.
 */
import { gunzipSync, gzipSync } from 'node:zlib'
import { ok, type Result } from '../../shared/result'
import { checkDocument, type CheckOptions, type CheckedDocument } from './check-document'
import { captureForEncoding, documentText, type CaptureIdentity, type ExtraState, type SnapshotDocument } from './snapshot-document'
import type { SimEvent, World } from '../sim/state/world'
import { snapshotErr } from './snapshot-errors'

/** Inflated snapshots past this are refused: a 100,000-agent town is well under it. */
export const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024

export interface EncodeOptions {
  gzip?: boolean
}

/** The document's bytes: canonical JSON, gzipped when asked. Throws only on a non-JSON document (a bug). */
export function encodeSnapshot(doc: SnapshotDocument, options: EncodeOptions = {}): Buffer {
  // The state's canonical text is the one its checksum was computed over: written once.
  const text = Buffer.from(documentText(doc), 'utf8')
  return options.gzip ? gzipSync(text, { level: 6 }) : text
}

/** A world as it stands now straight to a snapshot file's bytes (what `--save-snapshot` writes). */
export function encodeCapture(world: World, lastEvents: readonly SimEvent[], who: CaptureIdentity, extra: ExtraState = {}, options: EncodeOptions = {}): Buffer {
  return encodeSnapshot(captureForEncoding(world, lastEvents, who, extra), options)
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

export interface DecodeOptions extends CheckOptions {
  /** Most bytes the JSON text may have (after inflating). Default MAX_SNAPSHOT_BYTES. */
  maxBytes?: number
}

/** Bytes to a checked document, or the coded reason they are not one. */
export function decodeSnapshot(bytes: Uint8Array, options: DecodeOptions = {}): Result<SnapshotDocument> {
  const decoded = decodeSnapshotWithNotes(bytes, options)
  return decoded.ok ? ok(decoded.value.doc) : decoded
}

/** As decodeSnapshot, with the warnings of a lenient read (a newer 2.x under allow_downgrade). */
export function decodeSnapshotWithNotes(bytes: Uint8Array, options: DecodeOptions = {}): Result<CheckedDocument> {
  const json = parseJsonBytes(bytes, options.maxBytes ?? MAX_SNAPSHOT_BYTES)
  return json.ok ? checkDocument(json.value, options) : json
}

/** The JSON value these bytes hold (gzipped or not), bounded by `maxBytes` of text. */
export function parseJsonBytes(bytes: Uint8Array, maxBytes: number): Result<unknown> {
  const text = inflate(bytes, maxBytes)
  if (!text.ok) return text
  let source = text.value.toString('utf8')
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1)
  try {
    return ok(JSON.parse(source) as unknown)
  } catch (e) {
    const at = /position (\d+)/.exec(String((e as Error).message))?.[1]
    const where = at === undefined ? '' : ` (at character ${at})`
    const empty = source.trim() === '' ? ': the file is empty' : `${where}: it may be cut short or not a snapshot at all`
    return snapshotErr('snapshot.invalid', `the file is not valid JSON${empty}; use another snapshot or save it again`, { path: '(document)' })
  }
}

function inflate(bytes: Uint8Array, maxBytes: number): Result<Buffer> {
  if (!isGzip(bytes)) {
    if (bytes.length > maxBytes) return tooLarge(`the file is ${bytes.length} bytes, more than the ${maxBytes} a snapshot may be`)
    return ok(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))
  }
  if (bytes.length > maxBytes) return tooLarge(`the file is ${bytes.length} bytes of gzip, more than the ${maxBytes} a snapshot may be`)
  try {
    // zlib inflates chunk by chunk and gives up as soon as the output passes the bound.
    return ok(gunzipSync(bytes, { maxOutputLength: Math.max(1, maxBytes) }))
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return tooLarge(`the file inflates past ${maxBytes} bytes, more than a snapshot may be`)
    return snapshotErr('snapshot.invalid', 'the file is gzip but does not inflate (cut short or damaged): use another snapshot or save it again', { path: '(document)' })
  }
}

function tooLarge(message: string): Result<never> {
  return snapshotErr('snapshot.too_large', `${message}: is this the right file?`)
}
