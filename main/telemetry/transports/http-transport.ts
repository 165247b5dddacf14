/**
 * Webhook batches: each batch is one POST whose body is a JSON array of the messages. A 2xx
 * answer is success; anything else, a timeout or a failed request is a failure, retried with
 * backoff (the batch stays the oldest in the queue, so it is the first dropped when newer messages
 * need room). The answer's body is read and discarded, bounded; it never reaches status.
 * Redirects are not followed. The URL's user and password become Basic auth and, like any
 * configured header or query, never show in status.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import type { Batch } from './byte-queue'
import { QueuedTransport, type QueuedOptions } from './queued-transport'
import { errnoCode } from './sanitize'
import type { DeliveryFailure } from './transport'

export interface HttpOptions extends QueuedOptions {
  url: string
  timeout_ms: number
  headers: Record<string, string>
}

/** The URL without user, password, query or fragment: what status may show. */
export function redactUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`
}

export class HttpTransport extends QueuedTransport {
  readonly kind = 'http' as const
  private readonly url: URL
  private readonly agent: HttpAgent
  private healthy = true

  constructor(private readonly http: HttpOptions) {
    super(http)
    this.url = new URL(http.url)
    const secure = this.url.protocol === 'https:'
    // One kept-alive socket: batches are sequential anyway, and a reused socket spares a handshake per batch.
    this.agent = secure ? new HttpsAgent({ keepAlive: true, maxSockets: 1 }) : new HttpAgent({ keepAlive: true, maxSockets: 1 })
  }

  protected target(): string {
    return redactUrl(this.url)
  }

  protected connected(): boolean {
    return this.healthy
  }

  protected async deliver(batch: Batch): Promise<DeliveryFailure | null> {
    const failure = await this.post(Buffer.from(`[${batch.lines.join(',')}]`, 'utf8'))
    this.healthy = failure === null
    return failure
  }

  protected release(): Promise<void> {
    this.agent.destroy()
    return Promise.resolve()
  }

  private post(body: Buffer): Promise<DeliveryFailure | null> {
    const secure = this.url.protocol === 'https:'
    const headers: Record<string, string | number> = { ...this.http.headers, 'content-type': 'application/json', 'content-length': body.length }
    if (this.url.username || this.url.password) {
      const user = decodeURIComponent(this.url.username)
      const pass = decodeURIComponent(this.url.password)
      headers.authorization ??= `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
    }
    return new Promise((resolve) => {
      let settled = false
      const done = (f: DeliveryFailure | null) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(f)
      }
      const options = { method: 'POST', agent: this.agent, headers, hostname: this.url.hostname.replace(/^\[(.*)\]$/, '$1'), port: this.url.port || undefined, path: `${this.url.pathname}${this.url.search}` }
      const req = (secure ? httpsRequest : httpRequest)(options, (res) => this.answer(res, done))
      const timer = setTimeout(() => {
        req.destroy()
        done(this.failure('telemetry.timeout', `${this.target()} did not answer within ${this.http.timeout_ms} ms`))
      }, this.http.timeout_ms)
      req.on('error', (e) => done(this.describe(e)))
      req.end(body)
    })
  }

  /** Only the status code counts; the body is drained (so the socket can be reused) and dropped. */
  private answer(res: IncomingMessage, done: (f: DeliveryFailure | null) => void): void {
    const status = res.statusCode ?? 0
    let seen = 0
    res.on('data', (chunk: Buffer) => {
      seen += chunk.length
      if (seen > 64 * 1024) res.destroy()
    })
    res.on('error', () => {})
    res.on('close', () => {
      if (status >= 200 && status < 300) done(null)
      else done(this.failure('telemetry.http_failed', `${this.target()} answered HTTP ${status}${status >= 300 && status < 400 ? ' (a redirect, which is not followed: name the final URL)' : ''}`))
    })
  }

  private describe(e: unknown): DeliveryFailure {
    const code = errnoCode(e)
    if (code === 'ECONNREFUSED') return this.failure('telemetry.http_failed', `${this.target()} refused the connection`)
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return this.failure('telemetry.http_failed', `the host of ${this.target()} does not resolve`)
    if (code !== null && /CERT|SELF_SIGNED|VERIFY|ALTNAME|SSL|TLS/.test(code)) return this.failure('telemetry.tls_refused', `the TLS handshake with ${this.target()} failed (${code}): its certificate was refused`)
    return this.failure('telemetry.http_failed', `the POST to ${this.target()} failed${code ? ` (${code})` : ''}`)
  }
}
