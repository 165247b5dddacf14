/**
 * `--telemetry SPEC` (repeatable) on `townlet run`: one transport per spec, in the same shape as a
 * `telemetry.transport.transports` entry. Forms: `stdout`, `file:PATH`, `tcp://HOST:PORT`,
 * `tls://HOST:PORT`, `http://…` and `https://…`. Every spec has one canonical spelling
 * (`formatTelemetrySpec`), and parsing it again gives the same spec. Bad input is a coded error
 * that quotes at most a sanitised snippet of what was given; parsing never throws.
 */
import { isIPv4, isIPv6 } from 'node:net'
import { err, ok, type Result } from '../../../shared/result'
import { HostSchema, TransportEntrySchema, type TransportEntry } from '../../config/sections/telemetry'
import { snippet } from './sanitize'

export type TelemetrySpec = { kind: 'stdout' } | { kind: 'file'; path: string } | { kind: 'tcp'; host: string; port: number; tls: boolean } | { kind: 'http'; url: string }

const FORMS = 'stdout, file:PATH, tcp://HOST:PORT, tls://HOST:PORT, http://URL or https://URL'
const MAX_SPEC = 4200
const MAX_URL = 2048
const MAX_PATH = 4096
/** Control characters: a URL parser would quietly drop tabs and newlines, a path would carry them into a file name. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

export function parseTelemetrySpec(input: string): Result<TelemetrySpec> {
  if (typeof input !== 'string') return invalid('', 'it is not text')
  if (input.length > MAX_SPEC) return invalid(input, `it is longer than ${MAX_SPEC} characters`)
  const text = input.trim()
  if (text === '') return invalid(input, 'it is empty')
  if (CONTROL.test(text)) return invalid(input, 'it contains control characters')
  if (text.toLowerCase() === 'stdout') return ok({ kind: 'stdout' })
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase()
  if (scheme === 'file') return parseFile(input, text.slice(5))
  if (scheme === 'tcp' || scheme === 'tls') return parseTcp(input, text, scheme === 'tls')
  if (scheme === 'http' || scheme === 'https') return parseHttp(input, text)
  return invalid(input, scheme ? `"${scheme}:" is not a transport` : 'it names no transport')
}

/** The canonical spelling: lowercase schemes and hosts, ports without leading zeros, URLs as the URL standard writes them. */
export function formatTelemetrySpec(spec: TelemetrySpec): string {
  switch (spec.kind) {
    case 'stdout':
      return 'stdout'
    case 'file':
      return `file:${spec.path}`
    case 'tcp':
      return `${spec.tls ? 'tls' : 'tcp'}://${spec.host}:${spec.port}`
    case 'http':
      return spec.url
  }
}

/** The config entry a spec stands for, every other setting at its default. */
export function specToTransport(spec: TelemetrySpec): Result<TransportEntry> {
  const parsed = TransportEntrySchema.safeParse(spec)
  if (!parsed.success) return err('telemetry.invalid_spec', `the telemetry spec ${snippet(formatTelemetrySpec(spec))} does not make a valid transport: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  return ok(parsed.data)
}

function parseFile(input: string, path: string): Result<TelemetrySpec> {
  if (path === '') return invalid(input, 'file: needs a path, as in file:out.jsonl')
  if (path.length > MAX_PATH) return invalid(input, `the path is longer than ${MAX_PATH} characters`)
  if (path.endsWith('/')) return invalid(input, 'the path names a folder: name a file in it')
  return ok({ kind: 'file', path })
}

function parseTcp(input: string, text: string, tls: boolean): Result<TelemetrySpec> {
  const m = /^[a-z]+:\/\/(\[[^\]]*\]|[^:/?#[\]]+):(\d{1,5})$/i.exec(text)
  if (!m) return invalid(input, `write it as ${tls ? 'tls' : 'tcp'}://HOST:PORT, with nothing after the port`)
  const host = (m[1] ?? '').toLowerCase()
  const port = Number(m[2])
  if (port < 1 || port > 65_535) return invalid(input, 'the port must be 1 to 65535')
  const bare = host.startsWith('[') ? host.slice(1, -1) : null
  if (bare !== null ? !isIPv6(bare) : !HostSchema.safeParse(host).success || (/^[\d.]+$/.test(host) && !isIPv4(host))) {
    return invalid(input, 'the host must be a host name, an IPv4 address or a bracketed IPv6 address')
  }
  return ok({ kind: 'tcp', host, port, tls })
}

function parseHttp(input: string, text: string): Result<TelemetrySpec> {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return invalid(input, 'it is not a valid URL')
  }
  if (url.hostname === '') return invalid(input, 'the URL names no host')
  if (url.hash !== '') return invalid(input, 'a webhook URL takes no #fragment')
  if (url.href.length > MAX_URL) return invalid(input, `the URL is longer than ${MAX_URL} characters`)
  return ok({ kind: 'http', url: url.href })
}

function invalid(input: string, why: string): Result<never> {
  return err('telemetry.invalid_spec', `the telemetry spec ${snippet(input)} is not valid: ${why}. Use one of ${FORMS}`)
}

/** Every `--telemetry` value, in order, as config entries; the first bad one is the error. */
export function transportsFromSpecs(specs: readonly string[]): Result<TransportEntry[]> {
  const out: TransportEntry[] = []
  for (const s of specs) {
    const spec = parseTelemetrySpec(s)
    if (!spec.ok) return spec
    const entry = specToTransport(spec.value)
    if (!entry.ok) return entry
    out.push(entry.value)
  }
  return ok(out)
}
