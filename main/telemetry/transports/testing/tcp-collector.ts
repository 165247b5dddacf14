/**
 * A real NDJSON collector on 127.0.0.1 for transport tests: it can go down and come back on the
 * same port, read slowly, or speak TLS.
 */
import { createServer as createNetServer, type Server, type Socket } from 'node:net'
import { createServer as createTlsServer } from 'node:tls'

export class TcpCollector {
  readonly lines: string[] = []
  readonly sockets = new Set<Socket>()
  private server: Server | null = null
  port = 0
  /** Sockets start paused while set: the collector reads only when `drip` lets it. */
  slow = false

  constructor(private readonly tls?: { key: Buffer; cert: Buffer }) {}

  async up(): Promise<void> {
    const server = this.tls ? createTlsServer({ key: this.tls.key, cert: this.tls.cert }, (s) => this.accept(s)) : createNetServer((s) => this.accept(s))
    server.on('tlsClientError', () => {})
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    this.port = (server.address() as { port: number }).port
    this.server = server
  }

  /** Stop listening and cut every connection. */
  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    this.sockets.clear()
    const server = this.server
    this.server = null
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  }

  /** Let each paused socket read for one turn of the event loop. */
  drip(): void {
    for (const s of this.sockets) {
      s.resume()
      setImmediate(() => s.pause())
    }
  }

  resumeAll(): void {
    this.slow = false
    for (const s of this.sockets) s.resume()
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket)
    socket.on('close', () => this.sockets.delete(socket))
    socket.on('error', () => {})
    let rest = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n')
      rest = parts.pop() ?? ''
      this.lines.push(...parts)
    })
    if (this.slow) socket.pause()
  }
}
