/**
 * Browser mode's HTTP API for scripts and the ops ecosystem (docs/http-api.md): `GET /metrics`
 * (Prometheus text), `GET /api/status` and `POST /api/console`. Each goes through the same
 * registry as the socket: the console's validation, roles, audit and cmd_id idempotency, and the
 * same Result envelope. Only requests with a bearer token get past the door (http-auth.ts), and a
 * page of another origin gets nothing, not even CORS headers: the server answers its own pages
 * and clients that are not browsers. Requests in flight are bounded, bodies by size and time.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { err, type AppError, type Result } from '../../shared/result'
import type { HostMetrics } from '../host/metrics-probe'
import type { Registry } from '../host/registry'
import { originAllowed } from './allowed-hosts'
import type { Caller, HttpAuth } from './http-auth'
import { readJsonBody, type BodyLimits } from './json-body'
import { metricFamilies, type ServerMetrics } from './metrics-endpoint'
import { PROMETHEUS_CONTENT_TYPE, renderExposition } from './prometheus-text'

export interface HttpApiLimits extends BodyLimits {
  /** API requests being answered at once; more get 503 `http.busy`. */
  maxInFlight: number
}

export const DEFAULT_HTTP_API_LIMITS: HttpApiLimits = { maxBytes: 64 * 1024, timeoutMs: 10_000, maxInFlight: 16 }

export interface HttpApiOptions {
  registry: Registry
  auth: HttpAuth
  limits: HttpApiLimits
  /** The host's metrics; without it `/metrics` answers 404. */
  metrics?: () => Promise<HostMetrics>
  server: () => ServerMetrics
  /** The names this server answers to (allowed-hosts.ts), for the Origin check. */
  hosts: () => ReadonlySet<string>
}

const ROUTES: Record<string, string> = { '/metrics': 'GET', '/api/status': 'GET', '/api/console': 'POST' }

const HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'"
}

/** Whether this request is for the API (the rest is the renderer's). */
export function isApiPath(pathname: string): boolean {
  return pathname === '/metrics' || pathname === '/api' || pathname.startsWith('/api/')
}

export function createHttpApi(options: HttpApiOptions): (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void> {
  let inFlight = 0
  return async (req, res, pathname) => {
    const method = ROUTES[pathname]
    if (method === undefined) return sendJson(res, 404, err('http.not_found', 'no such API path: the API has GET /metrics, GET /api/status and POST /api/console'))
    if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
      return sendJson(res, 405, err('http.method_not_allowed', `${pathname} answers ${method} only`), { Allow: method === 'GET' ? 'GET, HEAD' : method })
    }
    // A browser names the page that sent the request: only our own pages may.
    const origin = req.headers.origin
    if ((origin !== undefined && !originAllowed(options.hosts(), origin)) || req.headers['sec-fetch-site'] === 'cross-site') {
      return sendJson(res, 403, err('http.forbidden_origin', 'a page of another origin may not use this API'))
    }
    if (inFlight >= options.limits.maxInFlight) return sendJson(res, 503, err('http.busy', `${options.limits.maxInFlight} API requests are being answered already: try again shortly`), { 'Retry-After': '1' })
    inFlight += 1
    try {
      const who = await options.auth.authenticate(req)
      if (!who.ok) {
        const extra: Record<string, string> = who.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="townlet"' } : { 'Retry-After': String(who.retryAfterS ?? 1) }
        return sendJson(res, who.status, { ok: false, error: who.error }, extra)
      }
      try {
        await answer(options, pathname, req, res, who.caller)
      } finally {
        who.caller.end()
      }
    } finally {
      inFlight -= 1
    }
  }
}

async function answer(options: HttpApiOptions, pathname: string, req: IncomingMessage, res: ServerResponse, caller: Caller): Promise<void> {
  const ctx = { trusted: true, sender: caller.sender, session: caller.session }
  if (pathname === '/metrics') {
    if (!options.metrics) return sendJson(res, 404, err('http.not_found', 'this server was started without the host metrics'))
    let text: string
    try {
      text = renderExposition(metricFamilies(await options.metrics(), options.server()))
    } catch {
      return sendJson(res, 500, err('internal.error', 'the metrics could not be gathered; the host log has the details'))
    }
    res.writeHead(200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(text), ...HEADERS })
    res.end(req.method === 'HEAD' ? undefined : text)
    return
  }
  if (pathname === '/api/status') return sendResult(res, await options.registry.dispatch('shard.status', {}, ctx))
  const body = await readJsonBody(req, options.limits)
  if (!body.ok) return sendJson(res, body.status, { ok: false, error: body.error }, body.status === 413 ? { Connection: 'close' } : {})
  return sendResult(res, await options.registry.dispatch('console.run', body.value, ctx))
}

/** A registry reply as the console gives it; the HTTP status says only how far the request got. */
function sendResult(res: ServerResponse, result: Result<unknown>): void {
  sendJson(res, result.ok ? 200 : statusOf(result.error), result)
}

function statusOf(error: AppError): number {
  switch (error.code) {
    case 'ipc.invalid_payload':
      return 400
    case 'ipc.forbidden_role':
      return 403
    case 'shard.not_ready':
    case 'shard.failed':
    case 'shard.crashed':
    case 'ipc.busy':
      return 503
    case 'shard.timeout':
      return 504
    default:
      return 500
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...HEADERS, ...extra })
  res.end(text)
}
