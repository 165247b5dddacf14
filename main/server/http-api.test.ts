/**
 * The HTTP API against a real host behind a real server on 127.0.0.1: each role, bad tokens, bad
 * bodies, and `/metrics` read by a strict Prometheus text parser.
 */
import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { TEST_ADMIN_TOKEN, okValue } from '../host/test-host'
import { serveTestHost, type Served } from './testing/socket-harness'

/** Poll until `read` gives a value. */
async function until<T>(read: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}
import { parseExposition } from './testing/prometheus-parse'

let served: Served | undefined
afterEach(async () => {
  await served?.close()
  served = undefined
})

async function serve(): Promise<Served> {
  // As townlet serve wires it: an answered request's session is forgotten by the host.
  const ended: { host?: Served['host'] } = {}
  served = await serveTestHost({}, { onSessionEnd: (session) => ended.host?.sessionEnded(session) })
  ended.host = served.host
  return served
}

interface Reply {
  status: number
  headers: Headers
  text: string
  json: { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }
}

async function call(path: string, init: { token?: string | null; method?: string; body?: string; type?: string } = {}): Promise<Reply> {
  const s = served!.server
  const headers: Record<string, string> = {}
  const token = init.token === undefined ? s.token : init.token
  if (token !== null) headers.authorization = `Bearer ${token}`
  if (init.body !== undefined) headers['content-type'] = init.type ?? 'application/json'
  const res = await fetch(`http://127.0.0.1:${s.port}${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, ...(init.body === undefined ? {} : { body: init.body }) })
  const text = await res.text()
  let json: Reply['json'] = { ok: false }
  try {
    json = JSON.parse(text) as Reply['json']
  } catch {
    // /metrics is text
  }
  return { status: res.status, headers: res.headers, text, json }
}

const run = (body: unknown, token?: string) => call('/api/console', { body: JSON.stringify(body), ...(token === undefined ? {} : { token }) })

describe('GET /metrics', () => {
  it('answers the access token and the admin token with Prometheus text the strict parser reads', async () => {
    const s = await serve()
    okValue(await s.host.admin('shard.step', { ticks: 25 }))
    for (const token of [s.server.token, TEST_ADMIN_TOKEN]) {
      const res = await call('/metrics', { token })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      const families = parseExposition(res.text)
      for (const family of families.values()) {
        expect(family.name).toMatch(/^townlet_/)
        expect(family.help, family.name).toBeTruthy()
        expect(family.type, family.name).not.toBe('untyped')
      }
      const value = (name: string, labels: Record<string, string> = {}) => families.get(name)?.samples.find((x) => Object.entries(labels).every(([k, v]) => x.labels[k] === v))?.value
      expect(value('townlet_tick')).toBe(25)
      expect(value('townlet_shard_ready')).toBe(1)
      expect(families.get('townlet_shard_state')?.samples.filter((x) => x.value === 1)).toHaveLength(1)
      expect(value('townlet_agents')).toBeGreaterThan(0)
      expect(value('townlet_worker_restarts_total')).toBe(0)
      expect(value('townlet_tick_rate')).toBeGreaterThanOrEqual(0)
      expect(value('townlet_needs_mean', { need: 'hunger' })).toBeGreaterThan(0)
      expect(value('townlet_policy_info', { backend: 'scripted' })).toBe(1)
      expect(value('townlet_policy_decisions_total', { by: 'scripted' })).toBeGreaterThan(0)
      expect(value('townlet_frames_total')).toBeGreaterThan(0)
      // The worker timed the 25 ticks it ran: all of them under +Inf, and the sum is real time.
      const tick = (name: string, le?: string) => families.get('townlet_tick_duration_seconds')?.samples.find((x) => x.name === name && x.labels.le === le)?.value
      expect(tick('townlet_tick_duration_seconds_count')).toBe(25)
      expect(tick('townlet_tick_duration_seconds_bucket', '+Inf')).toBe(25)
      expect(tick('townlet_tick_duration_seconds_sum')).toBeGreaterThan(0)
      for (const name of ['townlet_kpi', 'townlet_alerts_active', 'townlet_last_snapshot_tick', 'townlet_policy_inference_latency_seconds']) expect(families.has(name), name).toBe(true)
    }
  })

  it('reports the latest snapshot once there is one', async () => {
    const s = await serve()
    okValue(await s.host.admin('shard.step', { ticks: 5 }))
    const saved = okValue<{ name: string }>(await s.host.admin('snapshot.save', {}))
    const families = parseExposition((await call('/metrics')).text)
    expect(families.get('townlet_last_snapshot_tick')?.samples[0]?.value).toBe(5)
    expect(families.get('townlet_last_snapshot_info')?.samples[0]?.labels).toEqual({ name: saved.name, action: 'saved' })
  })

  it('refuses a missing or wrong token with 401 and never echoes it', async () => {
    await serve()
    for (const token of [null, 'not-the-token-9f3a', '']) {
      const res = await call('/metrics', { token })
      expect(res.status, String(token)).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="townlet"')
      expect(res.json.error?.code).toBe('http.unauthorized')
      if (token) expect(res.text).not.toContain(token)
    }
  })
})

describe('GET /api/status', () => {
  it('answers the shard status DTO in a Result envelope', async () => {
    const s = await serve()
    okValue(await s.host.admin('shard.step', { ticks: 3 }))
    const res = await call('/api/status')
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ ok: true, value: { state: expect.any(String), tick: 3, restarts: 0 } })
  })
})

describe('POST /api/console', () => {
  it('runs a viewer command for the access token, as console.run answers it', async () => {
    await serve()
    const res = await run({ name: 'help', args: {}, cmd_id: 'h-1' })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ ok: true, value: { name: 'help', status: 'ok', role: 'viewer', issuer: 'http-viewer', cmd_id: 'h-1' } })
  })

  it("answers a viewer's admin command with the console's own refusal", async () => {
    await serve()
    const res = await run({ name: 'price', args: { key: 'meal_cost', value: 3 }, cmd_id: 'p-1' })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ ok: true, value: { status: 'error', role: 'viewer', error: { code: 'console.forbidden' } } })
  })

  it('runs an admin command for the admin token, idempotent by cmd_id, audited, and the role does not outlive the request', async () => {
    const s = await serve()
    const first = await run({ name: 'price', args: { key: 'meal_cost', value: 3 }, cmd_id: 'p-2' }, TEST_ADMIN_TOKEN)
    expect(first.json).toMatchObject({ ok: true, value: { status: 'queued', role: 'admin', replayed: false } })
    const issuer = String(first.json.value?.issuer)
    expect(issuer).toMatch(/^http-admin-\d+$/)
    const again = await run({ name: 'price', args: { key: 'meal_cost', value: 3 }, cmd_id: 'p-2' }, TEST_ADMIN_TOKEN)
    expect(again.json).toMatchObject({ ok: true, value: { cmd_id: 'p-2', replayed: true } })
    // The one-request session is a viewer again.
    expect(okValue<{ role: string }>(await s.host.callAs(issuer, 'console.session', {})).role).toBe('viewer')
    // The grant and the command, each on its own line, under the one-request session.
    const audit = await until(async () => {
      const text = await readFile(s.host.auditPath, 'utf8').catch(() => '')
      return text.includes('"outcome":"granted"') && text.includes(`"issuer":"${issuer}"`) ? text : undefined
    })
    expect(audit).not.toContain(TEST_ADMIN_TOKEN)
  })

  it('refuses bodies that are not a console request, with coded errors', async () => {
    await serve()
    expect((await call('/api/console', { body: '{"name": "help",' })).json.error?.code).toBe('http.invalid_json')
    expect((await call('/api/console', { body: '{"name": "help",' })).status).toBe(400)
    const shape = await call('/api/console', { body: JSON.stringify({ name: 'help', args: {}, extra: 1 }) })
    expect([shape.status, shape.json.error?.code]).toEqual([400, 'ipc.invalid_payload'])
    const type = await call('/api/console', { body: '{"name":"help"}', type: 'text/plain' })
    expect([type.status, type.json.error?.code]).toEqual([415, 'http.unsupported_media_type'])
    const big = await call('/api/console', { body: JSON.stringify({ name: 'help', args: { pad: 'x'.repeat(70 * 1024) } }) })
    expect([big.status, big.json.error?.code]).toEqual([413, 'http.too_large'])
  })

  it('refuses a wrong token with 401, then throttles guessing without locking out the access token', async () => {
    await serve()
    const codes: number[] = []
    for (let i = 0; i < 7; i++) codes.push((await run({ name: 'help' }, `guess-${i}`)).status)
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    const throttled = await run({ name: 'help' }, 'guess-x')
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(throttled.json.error?.code).toBe('console.throttled')
    expect((await run({ name: 'help' })).status).toBe(200)
  })
})
