import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createTestHost, TEST_ADMIN_TOKEN, type TestHost } from '../host/test-host'
import { ListenError, startBrowserServer, type BrowserServer } from './browser-server'

let host: TestHost | undefined
let server: BrowserServer | undefined
afterEach(async () => {
  await server?.close()
  await host?.dispose()
  server = host = undefined
})

async function serve(hostOptions: Parameters<typeof createTestHost>[0] = {}): Promise<BrowserServer> {
  const rendererDir = await mkdtemp(join(tmpdir(), 'townlet-renderer-'))
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
  await mkdir(join(rendererDir, 'assets'))
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  host = createTestHost(hostOptions)
  await host.start()
  server = await startBrowserServer({ registry: host.registry, events: host.events, rendererDir, port: 0 })
  return server
}

function connect(url: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket; messages: unknown[]; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(url, { headers })
  const messages: unknown[] = []
  ws.on('message', (d) => messages.push(JSON.parse(d.toString())))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, messages, closed }))
    ws.on('error', reject)
  })
}

function socketUrl(s: BrowserServer, token = s.token): string {
  return `ws://127.0.0.1:${s.port}/ws?token=${token}`
}

async function until<T>(read: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('browser-mode server', () => {
  it('binds 127.0.0.1 and prints a URL with a random token', async () => {
    const s = await serve()
    expect(s.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${s.port}/\\?token=[A-Za-z0-9_-]{20,}$`))
  })

  it('serves the renderer with a CSP and refuses paths outside it', async () => {
    const s = await serve()
    const page = await fetch(`http://127.0.0.1:${s.port}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect((await fetch(`http://127.0.0.1:${s.port}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/)
    expect((await fetch(`http://127.0.0.1:${s.port}/..%2f..%2fetc%2fpasswd`)).status).toBe(404)
    expect((await fetch(`http://127.0.0.1:${s.port}/`, { method: 'POST' })).status).toBe(405)
  })

  it('carries contract requests and events over the socket', async () => {
    const s = await serve()
    const { ws, messages } = await connect(socketUrl(s))
    ws.send(JSON.stringify({ type: 'invoke', id: 0, channel: 'console.auth', payload: { token: TEST_ADMIN_TOKEN } }))
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'shard.step', payload: { ticks: 10 } }))
    const reply = await until(() => messages.find((m) => (m as { type: string; id: number }).type === 'reply' && (m as { id: number }).id === 1) as { result: { ok: boolean; value: { tick: number } } } | undefined)
    expect(reply.result).toMatchObject({ ok: true, value: { tick: 10 } })
    await until(() => messages.find((m) => (m as { channel?: string }).channel === 'shard.frame'))
    ws.close()
  })

  it('gives each socket its own, stable console session', async () => {
    const s = await serve({ env: { TOWNLET_ADMIN_TOKEN: 'socket-secret' } })
    const a = await connect(socketUrl(s))
    const b = await connect(socketUrl(s))
    const ask = async (c: typeof a, id: number, channel: string, payload: unknown) => {
      c.ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }))
      const reply = await until(() => c.messages.find((m) => (m as { type: string; id?: number }).type === 'reply' && (m as { id: number }).id === id) as { result: { ok: boolean; value: { role: string; issuer: string } } } | undefined)
      return reply.result
    }
    expect(await ask(a, 1, 'console.auth', { token: 'socket-secret' })).toMatchObject({ ok: true, value: { role: 'admin' } })
    const sessionA = await ask(a, 2, 'console.session', {})
    const sessionB = await ask(b, 3, 'console.session', {})
    expect(sessionA.value.role).toBe('admin')
    expect(sessionB.value.role).toBe('viewer')
    expect(sessionA.value.issuer).toMatch(/^socket-\d+$/)
    expect(sessionB.value.issuer).not.toBe(sessionA.value.issuer)
    a.ws.close()
    b.ws.close()
  })

  it('answers unknown channels and bad payloads with Result errors', async () => {
    const s = await serve()
    const { ws, messages } = await connect(socketUrl(s))
    ws.send(JSON.stringify({ type: 'invoke', id: 7, channel: 'nope', payload: {} }))
    ws.send(JSON.stringify({ type: 'invoke', id: 8, channel: 'observer.agent', payload: { id: '' } }))
    const replies = await until(() => {
      const r = messages.filter((m) => (m as { type: string }).type === 'reply') as { id: number; result: { error: { code: string } } }[]
      return r.length === 2 ? r : undefined
    })
    expect(replies.map((r) => [r.id, r.result.error.code]).sort()).toEqual([
      [7, 'ipc.unknown_channel'],
      [8, 'ipc.invalid_payload']
    ])
    ws.close()
  })

  it('closes a socket that sends something other than the protocol', async () => {
    const s = await serve()
    const { ws, closed } = await connect(socketUrl(s))
    ws.send('not json')
    expect(await closed).toMatchObject({ code: 1008, reason: expect.stringContaining('malformed') })
  })

  it('refuses a socket without the right token', async () => {
    const s = await serve()
    for (const url of [socketUrl(s, 'wrong'), `ws://127.0.0.1:${s.port}/ws`]) {
      const { closed } = await connect(url)
      expect(await closed).toMatchObject({ code: 4401, reason: expect.stringContaining('token') })
    }
  })

  it('refuses a socket opened by a page of another origin', async () => {
    const s = await serve()
    const { closed } = await connect(socketUrl(s), { Origin: 'http://evil.example' })
    expect((await closed).code).toBe(4403)
  })

  it('explains a port in use', async () => {
    const blocker = createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r))
    const port = (blocker.address() as { port: number }).port
    host = createTestHost()
    const attempt = startBrowserServer({ registry: host.registry, events: host.events, rendererDir: tmpdir(), port })
    await expect(attempt).rejects.toBeInstanceOf(ListenError)
    await expect(attempt).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`)
    blocker.close()
  })
})
