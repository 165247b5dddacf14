/**
 * Browser mode: an HTTP server for the built renderer plus a WebSocket that carries the contract.
 * It binds 127.0.0.1 unless told otherwise, and every socket must present this run's random token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { SOCKET_CLOSE_FORBIDDEN_ORIGIN, SOCKET_CLOSE_UNAUTHORIZED, SOCKET_PATH } from '../../shared/contract/socket-protocol'
import type { EventBus } from '../host/event-bus'
import type { Registry } from '../host/registry'
import { bindSocket, type SocketStats } from './socket-binding'
import { createStaticHandler } from './static-files'

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
}

export interface BrowserServer {
  /** The URL to open, token included. */
  url: string
  port: number
  token: string
  stats: SocketStats
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
  const stats: SocketStats = { droppedEvents: 0 }
  const serveStatic = createStaticHandler(options.rendererDir)
  const server = createServer((req, res) => void serveStatic(req, res))
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== SOCKET_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      // Refuse after the handshake, with a close code and reason: a browser cannot see the
      // status of a refused upgrade, but it can tell the operator the token was wrong.
      const refusal = checkToken(req, token)
      if (refusal) {
        ws.close(refusal.code, refusal.reason)
        return
      }
      bindSocket(ws, options.registry, options.events, `socket ${req.socket.remoteAddress ?? '?'}`, stats)
    })
  })

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(new ListenError(describeListenError(e, host, options.port ?? DEFAULT_PORT), e.code)))
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })

  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${port}/?token=${token}`,
    port,
    token,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate()
        sockets.close()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Why a socket is refused (close code and reason), or undefined to accept it. */
function checkToken(req: IncomingMessage, token: string): { code: number; reason: string } | undefined {
  const offered = Buffer.from(new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '')
  const expected = Buffer.from(token)
  if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) {
    return { code: SOCKET_CLOSE_UNAUTHORIZED, reason: 'missing or wrong token: open the URL printed by townlet serve' }
  }
  // A page from another origin must not drive the shard, even if it learnt the token.
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) {
    return { code: SOCKET_CLOSE_FORBIDDEN_ORIGIN, reason: `origin ${origin} may not connect` }
  }
  return undefined
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
