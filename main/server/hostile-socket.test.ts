/**
 * Hostile clients at browser mode's WebSocket: work a client can cause is bounded (bytes held for
 * it, requests in flight, sockets per token, serialisation per event), and a page reached
 * through another host name (DNS rebinding) or from another origin is refused. Findings 5 and 12
 * of the trust-boundary issue, against the real host, worker and server.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { invokeChannels } from '../../shared/contract/channels'
import type { WebSocket } from 'ws'
import { authenticate, bigTownYaml, connect, serveTestHost, socketUrl, until, type Client, type Served } from './testing/socket-harness'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'

let served: Served | undefined
const clients: Client[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate()
  await served?.close()
  served = undefined
})

async function open(url: string, options: Parameters<typeof connect>[1] = {}): Promise<Client> {
  const client = await connect(url, options)
  clients.push(client)
  return client
}

/** GET / with a chosen Host header (fetch does not let a caller set it). */
function statusWithHost(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { host } }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

/** Stop reading the socket, as a client that never reads would: the server's sends back up. */
function stopReading(ws: WebSocket): () => void {
  const raw = (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket
  raw.pause()
  return () => raw.resume()
}

describe('finding 5: unbounded socket work', () => {
  it('holds a bounded number of bytes for a client that asks for observer.full and never reads', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-socket-'))
    await writeFile(join(dir, 'big.yaml'), bigTownYaml(1000))
    served = await serveTestHost({ cwd: dir })
    const admin = await open(socketUrl(served.server))
    await authenticate(admin)
    expect((await admin.request('config.load', { path: join(dir, 'big.yaml') }, 30_000)).ok).toBe(true)
    const slow = await open(socketUrl(served.server))
    const resume = stopReading(slow.ws)
    const ids = Array.from({ length: 120 }, () => slow.send('observer.full'))
    // Another client is answered meanwhile.
    expect((await admin.request('shard.status')).ok).toBe(true)
    await new Promise((r) => setTimeout(r, 1500))
    resume()
    const replies = await until(() => (ids.every((id) => slow.reply(id)) ? ids.map((id) => slow.reply(id)!) : undefined), 30_000)
    const refused = replies.filter((r) => !r.ok)
    expect(refused.length).toBeGreaterThan(0)
    expect(refused.every((r) => r.error?.code === 'ipc.backpressure' || r.error?.code === 'ipc.busy')).toBe(true)
    expect(refused[0]?.error?.message).toMatch(/unread|read/)
    // The bytes held for the slow client stayed within the cap (plus the one message that crossed it).
    expect(served.server.stats.maxBufferedBytes).toBeLessThan(served.server.limits.maxBufferedBytes + 2 * 1024 * 1024)
  }, 90_000)

  it('answers at most 32 requests in flight per socket; the rest are refused with ipc.busy at once', async () => {
    served = await serveTestHost()
    const client = await open(socketUrl(served.server))
    await authenticate(client)
    // Each step queues behind the last in the worker, so they stay in flight together.
    const ids = Array.from({ length: 40 }, () => client.send('shard.step', { ticks: 200 }))
    const replies = await until(() => (ids.every((id) => client.reply(id)) ? ids.map((id) => client.reply(id)!) : undefined), 60_000)
    const busy = replies.filter((r) => !r.ok && r.error?.code === 'ipc.busy')
    expect(busy.length).toBe(8)
    expect(replies.filter((r) => r.ok).length).toBe(32)
    expect(busy[0]?.error?.message).toMatch(/32/)
  }, 90_000)

  it('accepts at most 16 sockets per token', async () => {
    served = await serveTestHost()
    const url = socketUrl(served.server)
    for (let i = 0; i < 16; i++) await open(url)
    const extra = await open(url)
    const closed = await extra.closed
    expect(closed.code).toBe(4429)
    expect(closed.reason).toMatch(/16/)
    // Closing one makes room again.
    clients[0]!.ws.close()
    await clients[0]!.closed
    const again = await open(url)
    expect((await again.request('shard.status')).ok).toBe(true)
  }, 60_000)

  it('serialises each event once, whatever the number of sockets', async () => {
    served = await serveTestHost()
    const url = socketUrl(served.server)
    const sockets = await Promise.all(Array.from({ length: 12 }, () => open(url)))
    // Each is bound once it answers.
    for (const s of sockets) expect((await s.request('shard.status')).ok).toBe(true)
    const stringify = vi.spyOn(JSON, 'stringify')
    try {
      const before = stringify.mock.calls.length
      served.host.events.emit('log.entry', { level: 'info', source: 'host', message: 'one event for twelve sockets', at: 1 })
      const calls = stringify.mock.calls.slice(before).filter(([value]) => (value as { type?: string })?.type === 'event')
      expect(calls).toHaveLength(1)
    } finally {
      stringify.mockRestore()
    }
    await until(() => (sockets.every((s) => s.messages.some((m) => JSON.stringify(m).includes('one event for twelve sockets'))) ? true : undefined))
  })
})

describe('finding 12: DNS rebinding and foreign origins', () => {
  it('refuses a page reached through another host name, even with the right token and a matching origin', async () => {
    served = await serveTestHost()
    const { port } = served.server
    const rebound = `rebind.example:${port}`
    expect(await statusWithHost(port, rebound)).toBe(421)
    expect(await statusWithHost(port, `127.0.0.1:${port}`)).toBe(200)
    const socket = await open(socketUrl(served.server), { headers: { host: rebound }, origin: `http://${rebound}` })
    expect((await socket.closed).code).toBe(4403)
  })

  it('compares the origin with the server’s own origin, not with the client’s Host header', async () => {
    served = await serveTestHost()
    const { port } = served.server
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const ok = await open(socketUrl(served.server), { origin })
      expect((await ok.request('shard.status')).ok, origin).toBe(true)
    }
    for (const origin of ['http://attacker.example', `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, 'null']) {
      const refused = await open(socketUrl(served.server), { origin })
      expect((await refused.closed).code, origin).toBe(4403)
    }
    expect((await fetch(`http://localhost:${port}/`)).status).toBe(200)
  })
})

describe('the socket protocol, fuzzed', () => {
  it('answers any message with a Result or a protocol close, and keeps serving everyone else', async () => {
    served = await serveTestHost()
    const url = socketUrl(served.server)
    const watcher = await open(url)
    const message = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string(),
      fc.record({ type: fc.constantFrom('invoke', 'reply', 'event', '__proto__'), id: fc.oneof(fc.nat(), fc.integer(), fc.double(), fc.string()), channel: fc.oneof(fc.constantFrom(...Object.keys(invokeChannels), 'constructor', '__proto__', 'toString'), fc.string()), payload: fc.jsonValue() }).map((v) => JSON.stringify(v))
    )
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 5 }), async (texts) => {
        const client = await open(url)
        for (const text of texts) client.ws.send(text)
        // Every message ends in a reply or a close; wait for whichever comes, briefly.
        await Promise.race([client.closed, new Promise((r) => setTimeout(r, 150))])
        for (const m of client.messages as { type: string; result?: unknown }[]) {
          if (m.type === 'reply') expect(m.result).toMatchObject({ ok: expect.any(Boolean) })
        }
        client.ws.terminate()
        expect((await watcher.request('shard.status')).ok).toBe(true)
      }),
      { numRuns: 40 }
    )
  }, 120_000)
})

describe('sessions end with their socket', () => {
  it('drops a closed socket’s admin role and its place in the observer stream', async () => {
    served = await serveTestHost()
    const host = served.host
    const ended: string[] = []
    await served.server.close()
    const server = await (await import('./browser-server')).startBrowserServer({
      registry: host.registry,
      events: host.events,
      rendererDir: served.rendererDir,
      port: 0,
      onSessionEnd: (session) => {
        ended.push(session)
        host.sessionEnded(session)
      }
    })
    served = { ...served, server }
    const client = await open(socketUrl(server))
    await authenticate(client)
    const { value } = (await client.request('console.session')) as { value: { issuer: string; role: string } }
    expect(value.role).toBe('admin')
    client.ws.close()
    await client.closed
    await until(() => (ended.includes(value.issuer) ? true : undefined))
    expect((await host.callAs(value.issuer, 'console.session')).ok && ((await host.callAs(value.issuer, 'console.session')) as { value: { role: string } }).value.role).toBe('viewer')
  })
})
