/**
 * `GET /api/telemetry` (WebSocket): the telemetry stream for external observers (docs/http-api.md).
 * Read-only, so this run's access token (viewer) is what it takes, presented as
 * `Authorization: Bearer <token>` or, from a browser that cannot set headers, as the subprotocol
 * `townlet.token.<token>` beside `townlet.telemetry`. Everything is checked before the upgrade
 * (wrong host 421, foreign origin 403, no or wrong token 401, too many observers 503), so a
 * refused client never holds a socket. Each stream message is one text frame; each client has
 * its own bounded queue (telemetry-observer-client.ts); a status frame once a second says what
 * it lost. Clients have nothing to say: a frame over 4 KiB closes the socket (1009).
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { TransportStatusDto } from '../../shared/contract/dto/telemetry'
import type { ExternalTransport, TelemetryHost } from '../host/telemetry-host'
import { hostAllowed, originAllowed } from './allowed-hosts'
import { ObserverClient, type ObserverClientLimits } from './telemetry-observer-client'

export const TELEMETRY_SOCKET_PATH = '/api/telemetry'
/** The subprotocol a client asks for (and is answered with); the token one is never echoed. */
export const TELEMETRY_SUBPROTOCOL = 'townlet.telemetry'
export const TELEMETRY_TOKEN_SUBPROTOCOL_PREFIX = 'townlet.token.'

export interface TelemetrySocketLimits extends ObserverClientLimits {
  maxClients: number
  /** Bytes a client frame may have; more closes the socket. */
  maxIncomingBytes: number
  statusEveryMs: number
}

export const DEFAULT_TELEMETRY_SOCKET_LIMITS: TelemetrySocketLimits = {
  maxClients: 8,
  maxBufferedBytes: 4 * 1024 * 1024,
  windowBytes: 256 * 1024,
  stallMs: 10_000,
  maxIncomingBytes: 4096,
  statusEveryMs: 1000
}

export interface TelemetrySocketOptions {
  token: string
  hosts: () => ReadonlySet<string>
  telemetry: Pick<TelemetryHost, 'addExternal'>
  limits?: Partial<TelemetrySocketLimits>
}

export class TelemetrySocket implements ExternalTransport {
  readonly limits: TelemetrySocketLimits
  private readonly clients = new Map<WebSocket, ObserverClient>()
  private readonly server: WebSocketServer
  private readonly digest: Buffer
  private readonly link: { changed(): void; detach(): void }
  private readonly timer: NodeJS.Timeout
  /** Counters of clients that left, so the totals never go down. */
  private past = { sent: 0, dropped: 0 }
  private closedSlow = 0
  private lastTick: number | null = null
  private lastSuccessTick: number | null = null

  constructor(private readonly options: TelemetrySocketOptions) {
    this.limits = { ...DEFAULT_TELEMETRY_SOCKET_LIMITS, ...options.limits }
    this.digest = sha256(options.token)
    this.server = new WebSocketServer({
      noServer: true,
      maxPayload: this.limits.maxIncomingBytes,
      handleProtocols: (offered) => (offered.has(TELEMETRY_SUBPROTOCOL) ? TELEMETRY_SUBPROTOCOL : false)
    })
    this.link = options.telemetry.addExternal(this)
    this.timer = setInterval(() => this.tick(), this.limits.statusEveryMs)
    this.timer.unref()
  }

  get active(): boolean {
    return this.clients.size > 0
  }

  get clientCount(): number {
    return this.clients.size
  }

  /** An upgrade request for TELEMETRY_SOCKET_PATH: refused with an HTTP status, or upgraded. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refusal = this.check(req)
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal.status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(refusal.text)}\r\n\r\n${refusal.text}`)
      return
    }
    this.server.handleUpgrade(req, socket, head, (ws) => this.accept(ws))
  }

  sendJson(json: string, tick: number | null): void {
    this.lastTick = tick
    if (this.clients.size === 0) return
    for (const client of this.clients.values()) client.send(json)
    this.lastSuccessTick = tick
  }

  status(): TransportStatusDto {
    const clients = [...this.clients.values()]
    const lagging = clients.some((c) => c.lagging)
    return {
      kind: 'websocket',
      target: `${TELEMETRY_SOCKET_PATH} (${clients.length} observer${clients.length === 1 ? '' : 's'})`,
      connected: clients.length > 0 && !lagging,
      dropped_messages: this.past.dropped + clients.reduce((n, c) => n + c.dropped, 0),
      sent_messages: this.past.sent + clients.reduce((n, c) => n + c.sent, 0),
      queued_bytes: clients.reduce((n, c) => n + c.queuedBytes, 0),
      queued_messages: clients.reduce((n, c) => n + c.queuedMessages, 0),
      failures: this.closedSlow,
      reconnects: 0,
      last_success_tick: this.lastSuccessTick,
      last_failure_tick: null,
      last_error: lagging ? 'an observer is not reading: its oldest messages are being dropped' : null,
      last_error_code: null
    }
  }

  close(): void {
    clearInterval(this.timer)
    for (const ws of this.clients.keys()) ws.terminate()
    this.clients.clear()
    this.server.close()
    this.link.detach()
  }

  private accept(ws: WebSocket): void {
    // Checked before the upgrade already; a race with another upgrade is settled here.
    if (this.clients.size >= this.limits.maxClients) {
      ws.close(1013, 'too many observers: try again later')
      return
    }
    const client = new ObserverClient(ws, this.limits)
    this.clients.set(ws, client)
    const forget = (): void => {
      if (!this.clients.delete(ws)) return
      this.past = { sent: this.past.sent + client.sent, dropped: this.past.dropped + client.dropped }
      this.link.changed()
    }
    ws.on('close', forget)
    ws.on('error', forget)
    // Observers only listen; a small frame (a keepalive) is ignored, an oversized one closes the socket (ws: 1009).
    ws.on('message', () => {})
    this.link.changed()
  }

  /** Once a second: each client hears what it lost; a client hopelessly behind is closed. */
  private tick(): void {
    for (const client of this.clients.values()) {
      if (client.check()) {
        this.closedSlow++
        continue
      }
      client.send(JSON.stringify({ schema_version: '1.0', kind: 'observer.status', tick: this.lastTick ?? 0, payload: { sent_messages: client.sent, dropped_messages: client.dropped, queued_bytes: client.queuedBytes } }))
    }
  }

  private check(req: IncomingMessage): { status: string; text: string } | undefined {
    const hosts = this.options.hosts()
    if (!hostAllowed(hosts, req.headers.host)) return { status: '421 Misdirected Request', text: 'this server answers only to the address townlet serve printed' }
    const origin = req.headers.origin
    if (origin !== undefined && !originAllowed(hosts, origin)) return { status: '403 Forbidden', text: 'a page of another origin may not observe the telemetry stream' }
    const offered = tokenOf(req)
    if (offered === undefined || !timingSafeEqual(sha256(offered), this.digest)) {
      return { status: '401 Unauthorized', text: `no or a wrong token: send 'Authorization: Bearer <token>' (the token in the URL townlet serve printed), or the subprotocols ${TELEMETRY_SUBPROTOCOL} and ${TELEMETRY_TOKEN_SUBPROTOCOL_PREFIX}<token>` }
    }
    if (this.clients.size >= this.limits.maxClients) return { status: '503 Service Unavailable', text: `at most ${this.limits.maxClients} observers may be connected: close one and try again` }
    return undefined
  }
}

const BEARER = /^Bearer +([\x21-\x7e]{1,512}) *$/i
const MAX_PROTOCOL_HEADER = 2048

/** The token from the Authorization header, or from the `townlet.token.<token>` subprotocol. */
function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  if (header !== undefined) return header.length <= 560 ? BEARER.exec(header)?.[1] : undefined
  const protocols = req.headers['sec-websocket-protocol']
  if (typeof protocols !== 'string' || protocols.length > MAX_PROTOCOL_HEADER) return undefined
  const entry = protocols
    .split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith(TELEMETRY_TOKEN_SUBPROTOCOL_PREFIX))
  return entry?.slice(TELEMETRY_TOKEN_SUBPROTOCOL_PREFIX.length) || undefined
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}
