/**
 * Browser mode: an HTTP server for the built renderer plus a WebSocket that carries the contract,
 * and an HTTP API for scripts (http-api.ts: /metrics, /api/status, /api/console).
 * It binds 127.0.0.1 unless told otherwise. It answers only requests addressed to it by a name it
 * knows (loopback names and its bound address: a DNS-rebinding page names another host), every
 * socket must present this run's random token and come from the server's own origin, and the
 * sockets share one event encoding and a bounded amount of work each (socket-limits.ts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { SOCKET_CLOSE_FORBIDDEN_ORIGIN, SOCKET_CLOSE_TOO_MANY, SOCKET_CLOSE_UNAUTHORIZED, SOCKET_PATH } from '../../shared/contract/socket-protocol'
import type { EventBus } from '../host/event-bus'
import type { HostMetrics } from '../host/metrics-probe'
import type { Registry } from '../host/registry'
import { bindSocket, type BoundSocket } from './socket-binding'
import { DEFAULT_SOCKET_LIMITS, emptySocketStats, type SocketLimits, type SocketStats } from './socket-limits'
import { allowedHosts, hostAllowed, originAllowed } from './allowed-hosts'
import { createStaticHandler } from './static-files'
import { createHttpApi, DEFAULT_HTTP_API_LIMITS, isApiPath, type HttpApiLimits } from './http-api'
import { HttpAuth } from './http-auth'
import type { TelemetryHost } from '../host/telemetry-host'
import { TELEMETRY_SOCKET_PATH, TelemetrySocket, type TelemetrySocketLimits } from './telemetry-socket'

export interface BrowserServerOptions {
  registry: Registry
  events: EventBus
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string
  host?: string
  /** 0 picks a free port. */
  port?: number
  /** Fixed token for tests; a fresh random one per run otherwise. */
  token?: string
  /** Bounds on what one client may cost (defaults in socket-limits.ts). */
  limits?: Partial<SocketLimits>
  /**
   * A socket closed, or an HTTP API request was answered: the host forgets its session (its role,
   * its place in the observer stream).
   */
  onSessionEnd?: (session: string) => void
  /** What `GET /metrics` reports (AppHost.metrics); without it that path answers 404. */
  metrics?: () => Promise<HostMetrics>
  /** Bounds on the HTTP API (defaults in http-api.ts). */
  apiLimits?: Partial<HttpApiLimits>
  /** The host's telemetry (AppHost.telemetry): external observers read its stream at /api/telemetry. Without it that path answers 404. */
  telemetry?: Pick<TelemetryHost, 'addExternal'>
  telemetryLimits?: Partial<TelemetrySocketLimits>
}

export interface BrowserServer {
  /** The URL to open, token included. */
  url: string
  port: number
  token: string
  stats: SocketStats
  limits: SocketLimits
  /** The external observers' WebSocket, when the server has the host's telemetry. */
  observers: TelemetrySocket | undefined
  close(): Promise<void>
}

/** A clear reason for a failed listen, such as a port in use. */
export class ListenError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined
  ) {
    super(message)
    this.name = 'ListenError'
  }
}

export const DEFAULT_PORT = 5170

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? randomBytes(18).toString('base64url')
  const limits: SocketLimits = { ...DEFAULT_SOCKET_LIMITS, ...options.limits }
  const stats = emptySocketStats()
  const serveStatic = createStaticHandler(options.rendererDir)
  // Known once the port is: until then nothing is answered (nothing can connect before listen).
  let hosts: ReadonlySet<string> = new Set()
  const bound = new Map<WebSocket, BoundSocket>()
  const api = createHttpApi({
    registry: options.registry,
    auth: new HttpAuth({ token, registry: options.registry, ...(options.onSessionEnd ? { onSessionEnd: options.onSessionEnd } : {}) }),
    limits: { ...DEFAULT_HTTP_API_LIMITS, ...options.apiLimits },
    ...(options.metrics ? { metrics: options.metrics } : {}),
    server: () => ({ sockets: bound.size, stats }),
    hosts: () => hosts
  })
  const server = createServer((req, res) => {
    if (!hostAllowed(hosts, req.headers.host)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('misdirected request: open the URL townlet serve printed')
      return
    }
    const pathname = pathOf(req.url)
    if (pathname !== undefined && isApiPath(pathname)) void api(req, res, pathname)
    else void serveStatic(req, res)
  })
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 })
  const observers = options.telemetry ? new TelemetrySocket({ token, hosts: () => hosts, telemetry: options.telemetry, ...(options.telemetryLimits ? { limits: options.telemetryLimits } : {}) }) : undefined
  let sessions = 0

  // One encoding per event for every socket: N sockets must not cost N serialisations.
  const unsubscribe = options.events.subscribe((channel, payload) => {
    if (bound.size === 0) return
    const text = JSON.stringify({ type: 'event', channel, payload })
    for (const socket of bound.values()) socket.event(text)
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = pathOf(req.url)
    if (observers && path === TELEMETRY_SOCKET_PATH) {
      observers.upgrade(req, socket, head)
      return
    }
    if (path !== SOCKET_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      // Refuse after the handshake, with a close code and reason: a browser cannot see the
      // status of a refused upgrade, but it can tell the operator what was wrong.
      const refusal = checkSocket(req, token, hosts) ?? (bound.size >= limits.maxSockets ? tooMany(limits.maxSockets) : undefined)
      if (refusal) {
        ws.close(refusal.code, refusal.reason)
        return
      }
      // One session per socket for as long as it stays open: the console's role is keyed on it.
      const session = `socket-${++sessions}`
      const binding = bindSocket(ws, { registry: options.registry, sender: `socket ${req.socket.remoteAddress ?? '?'}`, session, limits, stats })
      bound.set(ws, binding)
      const forget = () => {
        if (bound.delete(ws)) options.onSessionEnd?.(session)
      }
      ws.on('close', forget)
      ws.on('error', forget)
    })
  })

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(new ListenError(describeListenError(e, host, options.port ?? DEFAULT_PORT), e.code)))
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })
  hosts = allowedHosts(host, port)

  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    port,
    token,
    stats,
    limits,
    observers,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe()
        observers?.close()
        for (const client of sockets.clients) client.terminate()
        sockets.close()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** The request's path, or undefined when it is not a path (the static handler refuses it). */
function pathOf(url: string | undefined): string | undefined {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname
  } catch {
    return undefined
  }
}

/** Why a socket is refused (close code and reason), or undefined to accept it. */
function checkSocket(req: IncomingMessage, token: string, hosts: ReadonlySet<string>): { code: number; reason: string } | undefined {
  const offered = Buffer.from(new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '')
  const expected = Buffer.from(token)
  if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) {
    return { code: SOCKET_CLOSE_UNAUTHORIZED, reason: 'missing or wrong token: open the URL printed by townlet serve' }
  }
  // A page reached through another name (DNS rebinding) or from another origin must not drive
  // the shard, even if it learnt the token. The origin is compared with ours, never with the
  // Host header the client chose.
  if (!hostAllowed(hosts, req.headers.host)) return { code: SOCKET_CLOSE_FORBIDDEN_ORIGIN, reason: 'this server answers only to the address townlet serve printed' }
  const origin = req.headers.origin
  if (origin !== undefined && !originAllowed(hosts, origin)) return { code: SOCKET_CLOSE_FORBIDDEN_ORIGIN, reason: 'a page of another origin may not connect' }
  return undefined
}

function tooMany(max: number): { code: number; reason: string } {
  return { code: SOCKET_CLOSE_TOO_MANY, reason: `at most ${max} windows may be connected with this token: close one and reload` }
}

function describeListenError(e: NodeJS.ErrnoException, host: string, port: number): string {
  switch (e.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use: choose another with --port, or --port 0 for any free port`
    case 'EACCES':
      return `not allowed to listen on ${host}:${port}: choose a port above 1024 with --port`
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on ${host}: it is not an address of this machine (use --host 127.0.0.1)`
    default:
      return `cannot listen on ${host}:${port}: ${e.message}`
  }
}
