/**
 * The HTTP transport against a real server on 127.0.0.1: batches arrive as JSON arrays; a 500
 * counts as a failure and the batch is retried until the server takes it; a hanging server is a
 * timeout; secrets in the URL stay out of status and become Basic auth.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HttpTransport } from './http-transport'
import { fastOptions, type TestClock } from './testing/options'

const clock: TestClock = { tick: 3 }
const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c()
})

interface Hit {
  body: unknown
  auth: string | undefined
  type: string | undefined
  url: string | undefined
}

async function server(answer: (req: IncomingMessage, res: ServerResponse, hits: Hit[]) => void): Promise<{ port: number; hits: Hit[] }> {
  const hits: Hit[] = []
  const s: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      hits.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), auth: req.headers.authorization, type: req.headers['content-type'], url: req.url })
      answer(req, res, hits)
    })
  })
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()))
  cleanup.push(
    () =>
      new Promise((r) => {
        s.closeAllConnections()
        s.close(() => r())
      })
  )
  return { port: (s.address() as { port: number }).port, hits }
}

function transport(url: string, timeout_ms = 2000): HttpTransport {
  const t = new HttpTransport({ ...fastOptions(clock, { batch_size: 10 }), url, timeout_ms, headers: { 'x-town': 'test' } })
  cleanup.push(() => t.close(200))
  return t
}

describe('http transport', () => {
  it('POSTs batches as JSON arrays', async () => {
    const { port, hits } = await server((_req, res) => res.writeHead(204).end())
    const t = transport(`http://127.0.0.1:${port}/hook?key=secret`)
    for (let i = 0; i < 25; i++) t.send({ i })
    expect(await t.flush()).toBe(true)
    expect(hits.map((h) => (h.body as unknown[]).length)).toEqual([10, 10, 5])
    expect(hits.flatMap((h) => h.body as { i: number }[]).map((m) => m.i)).toEqual(Array.from({ length: 25 }, (_, i) => i))
    expect(hits[0]).toMatchObject({ type: 'application/json', url: '/hook?key=secret' })
    expect(t.status()).toMatchObject({ kind: 'http', target: `http://127.0.0.1:${port}/hook`, connected: true, sent_messages: 25, failures: 0, last_success_tick: 3 })
  })

  it('counts a 500 as a failure and retries the batch until it is taken', async () => {
    const { port, hits } = await server((_req, res, all) => res.writeHead(all.length <= 2 ? 500 : 200).end('{"oops":"\u001b[2J internal detail"}'))
    const t = transport(`http://user:pa%3Ass@127.0.0.1:${port}/in`)
    clock.tick = 9
    t.send({ i: 1 })
    await vi.waitFor(() => expect(t.status().failures).toBeGreaterThanOrEqual(1), { timeout: 2000, interval: 5 })
    const failing = t.status()
    expect(failing).toMatchObject({ last_error_code: 'telemetry.http_failed', last_failure_tick: 9 })
    expect(failing.last_error).toBe(`http://127.0.0.1:${port}/in answered HTTP 500`)
    expect(await t.flush()).toBe(true)
    const s = t.status()
    expect(s).toMatchObject({ failures: 2, sent_messages: 1, dropped_messages: 0, connected: true })
    expect(JSON.stringify(s)).not.toMatch(/user|pa%3Ass/)
    expect(hits).toHaveLength(3)
    expect(hits.every((h) => h.auth === `Basic ${Buffer.from('user:pa:ss').toString('base64')}`)).toBe(true)
  })

  it('drops a batch after max_retries, counted', async () => {
    const { port } = await server((_req, res) => res.writeHead(503).end())
    const t = new HttpTransport({ ...fastOptions(clock, {}, { max_retries: 1 }), url: `http://127.0.0.1:${port}/`, timeout_ms: 1000, headers: {} })
    cleanup.push(() => t.close(100))
    t.send({ i: 1 })
    t.send({ i: 2 })
    expect(await t.flush()).toBe(true)
    expect(t.status()).toMatchObject({ failures: 2, dropped_messages: 2, sent_messages: 0, connected: false })
  })

  it('a server that never answers is a timeout', async () => {
    const { port } = await server(() => {})
    const t = transport(`http://127.0.0.1:${port}/`, 50)
    t.send({ i: 1 })
    await vi.waitFor(() => expect(t.status().last_error_code).toBe('telemetry.timeout'), { timeout: 2000, interval: 5 })
    expect(t.status().connected).toBe(false)
  })

  it('an endpoint nobody listens on is a failure, not a throw', async () => {
    const { port } = await server((_req, res) => res.end())
    await cleanup.pop()?.()
    const t = transport(`http://127.0.0.1:${port}/`)
    expect(() => t.send({ i: 1 })).not.toThrow()
    await vi.waitFor(() => expect(t.status().last_error).toContain('refused the connection'), { timeout: 2000, interval: 5 })
  })
})
