/**
 * The external observers' WebSocket (/api/telemetry) against real `ws` clients and a real host:
 * refused before the upgrade without the token, from another origin, past the client limit;
 * every stream message arrives as one text frame; a client that stops reading is held to its
 * byte bound and then closed; a client that talks too much is closed; /metrics shows it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { StreamMessageSchema } from '../telemetry/stream/stream-schema'
import { okValue } from '../host/test-host'
import { bigTownYaml, serveTestHost, until, type Served } from './testing/socket-harness'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TELEMETRY_SOCKET_PATH, TELEMETRY_SUBPROTOCOL, TELEMETRY_TOKEN_SUBPROTOCOL_PREFIX, type TelemetrySocketLimits } from './telemetry-socket'
import { parseExposition } from './testing/prometheus-parse'

const served: Served[] = []
const sockets: WebSocket[] = []
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate()
  for (const s of served.splice(0)) await s.close()
})

async function serve(limits: Partial<TelemetrySocketLimits> = {}): Promise<Served> {
  const s = await serveTestHost({}, { telemetryLimits: { statusEveryMs: 100, ...limits } })
  served.push(s)
  return s
}

const url = (s: Served) => `ws://127.0.0.1:${s.server.port}${TELEMETRY_SOCKET_PATH}`

interface Observer {
  ws: WebSocket
  frames: string[]
  closed: Promise<{ code: number; reason: string }>
}

/** Resolves once open; rejects with the HTTP status of a refused upgrade. */
function observe(s: Served, options: { token?: string | null; protocols?: string[]; origin?: string } = {}): Promise<Observer> {
  const token = options.token === undefined ? s.server.token : options.token
  const headers: Record<string, string> = token === null || options.protocols ? {} : { Authorization: `Bearer ${token}` }
  const ws = new WebSocket(url(s), options.protocols ?? [], { headers, ...(options.origin ? { origin: options.origin } : {}) })
  sockets.push(ws)
  const frames: string[] = []
  ws.on('message', (d) => frames.push(d.toString()))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, closed }))
    ws.once('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (d: Buffer) => (body += d.toString()))
      res.on('end', () => reject(new Error(`${res.statusCode}: ${body}`)))
    })
    ws.once('error', (e) => reject(e))
  })
}

const stream = (o: Observer) => o.frames.map((f) => JSON.parse(f) as { kind: string; seq?: number }).filter((m) => m.kind !== 'observer.status')

describe('GET /api/telemetry', () => {
  it('streams every message to a client with the access token, as one text frame each', async () => {
    const s = await serve()
    const viaHeader = await observe(s)
    // A browser cannot set headers: the token goes as a subprotocol beside townlet.telemetry, which is the one answered.
    const viaProtocol = await observe(s, { protocols: [TELEMETRY_SUBPROTOCOL, `${TELEMETRY_TOKEN_SUBPROTOCOL_PREFIX}${s.server.token}`] })
    expect(viaProtocol.ws.protocol).toBe(TELEMETRY_SUBPROTOCOL)
    await until(() => (s.host.received.some((e) => e.name === 'telemetry.transport' && (e.payload as { streaming: boolean }).streaming) ? true : undefined))
    okValue(await s.host.admin('shard.step', { ticks: 120 }))
    for (const o of [viaHeader, viaProtocol]) {
      await until(() => (stream(o).some((m) => m.kind === 'loop.health') ? true : undefined), 10_000)
      const messages = stream(o).map((m) => StreamMessageSchema.parse(m))
      const seqs = messages.map((m) => m.seq ?? -1)
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i))
      expect(messages.some((m) => m.kind === 'engine.event')).toBe(true)
    }
    // The periodic status says what each client lost.
    await until(() => (viaHeader.frames.some((f) => f.includes('"observer.status"')) ? true : undefined))
    const status = okValue<{ transports: { kind: string; connected: boolean; sent_messages: number }[] }>(await s.host.call('telemetry.status'))
    expect(status.transports).toMatchObject([{ kind: 'websocket', connected: true }])
    expect(status.transports[0]!.sent_messages).toBeGreaterThan(0)
    const metrics = await fetch(`http://127.0.0.1:${s.server.port}/metrics`, { headers: { Authorization: `Bearer ${s.server.token}` } })
    const families = parseExposition(await metrics.text())
    expect(families.get('townlet_transport_connected')?.samples).toMatchObject([{ labels: { kind: 'websocket', target: `${TELEMETRY_SOCKET_PATH} (2 observers)` }, value: 1 }])
  }, 30_000)

  it('refuses before the upgrade: no token, a wrong token, another origin, too many observers', async () => {
    const s = await serve({ maxClients: 1 })
    await expect(observe(s, { token: null })).rejects.toThrow(/^401: no or a wrong token/)
    await expect(observe(s, { token: 'x'.repeat(24) })).rejects.toThrow(/^401/)
    await expect(observe(s, { protocols: [TELEMETRY_SUBPROTOCOL, `${TELEMETRY_TOKEN_SUBPROTOCOL_PREFIX}wrong`] })).rejects.toThrow(/^401/)
    await expect(observe(s, { origin: 'http://evil.example' })).rejects.toThrow(/^403: a page of another origin/)
    const first = await observe(s)
    await expect(observe(s)).rejects.toThrow(/^503: at most 1 observers/)
    first.ws.close()
    await first.closed
    await until(() => (s.server.observers?.clientCount === 0 ? true : undefined))
    // The refusals never echo what was offered.
    await expect(observe(s, { token: 'secret-guess-123456' })).rejects.toThrow(/^401: (?!.*secret-guess)/)
  }, 30_000)

  it('closes a client that sends an oversized frame; small frames are ignored', async () => {
    const s = await serve({ maxIncomingBytes: 1024 })
    const o = await observe(s)
    o.ws.send('hello')
    await new Promise((r) => setTimeout(r, 100))
    expect(o.ws.readyState).toBe(WebSocket.OPEN)
    o.ws.send('x'.repeat(4096))
    expect((await o.closed).code).toBe(1009)
  })

  it('holds a client that stops reading to its byte bound, counts what it dropped and tells it so', async () => {
    const bound = 32 * 1024
    const window = 8 * 1024
    const s = await serve({ maxBufferedBytes: bound, windowBytes: window })
    const o = await observe(s)
    // Stop reading: the kernel buffers fill, then the server's writes stop flushing.
    const raw = (o.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket
    raw.pause()
    // A bigger town says more each tick: more than the kernel's socket buffers hold.
    const dir = mkdtempSync(join(tmpdir(), 'townlet-observer-'))
    writeFileSync(join(dir, 'big.yaml'), bigTownYaml(400))
    okValue(await s.host.admin('config.load', { path: join(dir, 'big.yaml') }))
    let maxQueued = 0
    const sample = setInterval(() => (maxQueued = Math.max(maxQueued, wsStatus(s)?.queued_bytes ?? 0)), 5)
    okValue(await s.host.admin('shard.step', { ticks: 1500 }))
    clearInterval(sample)
    await until(() => {
      const t = wsStatus(s)
      return t && t.dropped_messages > 0 ? t : undefined
    }, 10_000)
    expect(maxQueued).toBeLessThanOrEqual(bound + window)
    // The shard went on: the whole step ran.
    expect(okValue<{ tick: number }>(await s.host.call('shard.status')).tick).toBe(1500)
    // Reading again, the client hears how much it lost.
    raw.resume()
    const told = await until(() => {
      const status = o.frames.map((f) => JSON.parse(f) as { kind: string; payload: { dropped_messages: number } }).find((m) => m.kind === 'observer.status' && m.payload.dropped_messages > 0)
      return status?.payload
    }, 10_000)
    expect(told.dropped_messages).toBeGreaterThan(0)
  }, 60_000)
})

/** The websocket transport's status as the host reports it now. */
function wsStatus(s: Served): { dropped_messages: number; queued_bytes: number } | undefined {
  const status = s.host.telemetry.status()
  return status.transports.find((t) => t.kind === 'websocket')
}
