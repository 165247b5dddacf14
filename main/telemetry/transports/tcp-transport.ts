/**
 * NDJSON over TCP, or over TLS with the certificate always checked. One socket; when it fails
 * (refused, reset, closed by the peer) the batch goes back to the front of the queue and the
 * transport reconnects with exponential backoff and jitter, the queue meanwhile bounded and
 * dropping its oldest. Delivery is at least once: a batch cut off mid-write is sent again whole.
 * The next batch waits for the socket to take the last one, so a slow reader backs up into our
 * bounded queue and never into Node's write buffer.
 */
import { connect as netConnect, isIP, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import type { Batch } from './byte-queue'
import { QueuedTransport, type QueuedOptions } from './queued-transport'
import { errnoCode } from './sanitize'
import type { DeliveryFailure } from './transport'

export interface TcpOptions extends QueuedOptions {
  /** A name, an IPv4 address or a bracketed IPv6 address. */
  host: string
  port: number
  tls: boolean
  /** Extra certificate authorities (PEM) for a private endpoint; the system's are used besides. */
  ca?: Buffer | null
  connect_timeout_ms: number
}

const TLS_CODES = /CERT|SELF_SIGNED|VERIFY|ALTNAME|SSL|TLS|HANDSHAKE/

export class TcpTransport extends QueuedTransport {
  readonly kind = 'tcp' as const
  private socket: Socket | null = null
  private everConnected = false

  constructor(private readonly tcp: TcpOptions) {
    super(tcp)
  }

  protected target(): string {
    return `${this.tcp.tls ? 'tls' : 'tcp'}://${this.tcp.host}:${this.tcp.port}`
  }

  protected connected(): boolean {
    return this.socket !== null
  }

  protected async deliver(batch: Batch): Promise<DeliveryFailure | null> {
    let socket = this.socket
    if (!socket) {
      const made = await this.connect()
      if ('failure' in made) return made.failure
      socket = made.socket
    }
    const open = socket
    return new Promise((resolve) => {
      const onClose = () => resolve(this.failure('telemetry.unreachable', `the connection to ${this.target()} closed before the batch was written`))
      open.once('close', onClose)
      open.write(`${batch.lines.join('\n')}\n`, (e) => {
        open.off('close', onClose)
        resolve(e ? this.describe(e) : null)
      })
    })
  }

  protected release(): Promise<void> {
    this.socket?.destroy()
    this.socket = null
    return Promise.resolve()
  }

  private connect(): Promise<{ socket: Socket } | { failure: DeliveryFailure }> {
    const host = this.tcp.host.replace(/^\[(.*)\]$/, '$1')
    return new Promise((resolve) => {
      const socket = this.tcp.tls
        ? tlsConnect({ host, port: this.tcp.port, ca: this.tcp.ca ? [this.tcp.ca] : undefined, servername: isIP(host) ? undefined : host, rejectUnauthorized: true })
        : netConnect({ host, port: this.tcp.port })
      const timer = setTimeout(() => {
        socket.destroy()
        resolve({ failure: this.failure('telemetry.timeout', `connecting to ${this.target()} took longer than ${this.tcp.connect_timeout_ms} ms`) })
      }, this.tcp.connect_timeout_ms)
      const onError = (e: unknown) => {
        clearTimeout(timer)
        socket.destroy()
        resolve({ failure: this.describe(e) })
      }
      socket.once('error', onError)
      socket.once(this.tcp.tls ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer)
        socket.off('error', onError)
        this.adopt(socket)
        resolve({ socket })
      })
    })
  }

  /** A connected socket: what the peer sends is read and thrown away; a close or error frees the slot. */
  private adopt(socket: Socket): void {
    if (this.everConnected) this.reconnects++
    this.everConnected = true
    this.socket = socket
    socket.setKeepAlive(true, 10_000)
    socket.on('data', () => {})
    socket.on('error', () => socket.destroy())
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null
    })
  }

  private describe(e: unknown): DeliveryFailure {
    const code = errnoCode(e)
    const at = this.target()
    if (code === 'ECONNREFUSED') return this.failure('telemetry.unreachable', `${at} refused the connection: is the collector running?`)
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return this.failure('telemetry.unreachable', `the host of ${at} does not resolve`)
    if (code === 'ETIMEDOUT') return this.failure('telemetry.timeout', `${at} did not answer in time`)
    if (code !== null && TLS_CODES.test(code)) return this.failure('telemetry.tls_refused', `the TLS handshake with ${at} failed (${code}): its certificate was refused or it speaks no TLS`)
    return this.failure('telemetry.unreachable', `the connection to ${at} failed${code ? ` (${code})` : ''}`)
  }
}
