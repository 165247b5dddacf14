/**
 * Test harness for browser mode: a real host (its worker included) behind a real server on a free
 * port, and raw WebSocket clients that speak the socket protocol, for the server's tests and the
 * hostile-client suite.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { createTestHost, TEST_ADMIN_TOKEN, type TestHost } from '../../host/test-host'
import { startBrowserServer, type BrowserServer, type BrowserServerOptions } from '../browser-server'

export interface Served {
  host: TestHost
  server: BrowserServer
  /** The renderer folder the server serves. */
  rendererDir: string
  close(): Promise<void>
}

/** A test host behind a browser-mode server with a small built renderer. */
export async function serveTestHost(hostOptions: Parameters<typeof createTestHost>[0] = {}, serverOptions: Partial<BrowserServerOptions> = {}): Promise<Served> {
  const rendererDir = await mkdtemp(join(tmpdir(), 'townlet-renderer-'))
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
  await mkdir(join(rendererDir, 'assets'))
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  const host = createTestHost(hostOptions)
  await host.start()
  const server = await startBrowserServer({ registry: host.registry, events: host.events, rendererDir, port: 0, metrics: () => host.metrics(), telemetry: host.telemetry, ...serverOptions })
  return {
    host,
    server,
    rendererDir,
    async close() {
      await server.close()
      await host.dispose()
    }
  }
}

export interface Client {
  ws: WebSocket
  messages: unknown[]
  closed: Promise<{ code: number; reason: string }>
  /** Send one invoke and wait for its reply's Result. */
  request(channel: string, payload?: unknown, timeoutMs?: number): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>
  /** Send without waiting; returns the request id. */
  send(channel: string, payload?: unknown): number
  /** The reply to request `id`, once it came. */
  reply(id: number): { ok: boolean; value?: unknown; error?: { code: string; message: string } } | undefined
}

export function socketUrl(server: BrowserServer, token = server.token): string {
  return `ws://127.0.0.1:${server.port}/ws?token=${token}`
}

/** Open a client; resolves once open (rejects on a refused upgrade). */
export function connect(url: string, options: { headers?: Record<string, string>; origin?: string } = {}): Promise<Client> {
  const ws = new WebSocket(url, { ...(options.headers ? { headers: options.headers } : {}), ...(options.origin ? { origin: options.origin } : {}) })
  const messages: unknown[] = []
  const replies = new Map<number, { ok: boolean; value?: unknown; error?: { code: string; message: string } }>()
  const waiters = new Map<number, (r: { ok: boolean }) => void>()
  ws.on('message', (d) => {
    const message = JSON.parse(d.toString()) as { type: string; id?: number; result?: { ok: boolean } }
    messages.push(message)
    if (message.type === 'reply' && message.id !== undefined && message.result) {
      replies.set(message.id, message.result)
      waiters.get(message.id)?.(message.result)
    }
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  let nextId = 1
  const send = (channel: string, payload: unknown = {}): number => {
    const id = nextId++
    ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }))
    return id
  }
  const client: Client = {
    ws,
    messages,
    closed,
    send,
    reply: (id) => replies.get(id),
    request(channel, payload = {}, timeoutMs = 10_000) {
      const id = send(channel, payload)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no reply to ${channel} within ${timeoutMs} ms`)), timeoutMs)
        waiters.set(id, (r) => {
          clearTimeout(timer)
          resolve(r)
        })
      })
    }
  }
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve(client))
    ws.on('error', reject)
  })
}

/** Present the test host's admin token on this client's session. */
export async function authenticate(client: Client, token = TEST_ADMIN_TOKEN): Promise<void> {
  const reply = await client.request('console.auth', { token })
  if (!reply.ok) throw new Error(`console.auth refused: ${reply.error?.message}`)
}

/** Poll until `read` gives a value. */
export async function until<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** A generated town of `population` agents (the bench's shape), for tests that need big frames. */
export function bigTownYaml(population: number): string {
  return [`config_id: big-${population}`, 'seed: 1', 'world:', `  population: ${population}`, '  generate: {}', 'jobs:', '  day: { start: "09:00", end: "17:00" }', ''].join('\n')
}
