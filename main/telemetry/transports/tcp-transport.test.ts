/**
 * The TCP transport against a real collector on 127.0.0.1: NDJSON received in order; the
 * collector flapping (down, up, down …) while sends go on — drops counted, reconnects reported,
 * status recovering each time; the byte bound holding under a collector that reads slowly; TLS
 * with a private CA accepted and a self-signed certificate refused.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { TcpTransport } from './tcp-transport'
import { fastOptions, type TestClock } from './testing/options'
import { TcpCollector } from './testing/tcp-collector'

const clock: TestClock = { tick: 0 }
const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c()
})

async function collector(tls?: { key: Buffer; cert: Buffer }): Promise<TcpCollector> {
  const c = new TcpCollector(tls)
  await c.up()
  cleanup.push(() => c.down())
  return c
}

function transport(port: number, buffer = {}, extra: Partial<ConstructorParameters<typeof TcpTransport>[0]> = {}): TcpTransport {
  const t = new TcpTransport({ ...fastOptions(clock, buffer), host: '127.0.0.1', port, tls: false, connect_timeout_ms: 1000, ...extra })
  cleanup.push(() => t.close(200))
  return t
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
const received = (c: TcpCollector) => c.lines.map((l) => (JSON.parse(l) as { i: number }).i)

describe('tcp transport', () => {
  it('delivers NDJSON, one message a line, in order', async () => {
    const c = await collector()
    const t = transport(c.port)
    for (let i = 0; i < 100; i++) t.send({ i, name: 'ñ' })
    expect(await t.flush()).toBe(true)
    await vi.waitFor(() => expect(c.lines).toHaveLength(100), { timeout: 2000, interval: 5 })
    expect(received(c)).toEqual(Array.from({ length: 100 }, (_, i) => i))
    expect(t.status()).toMatchObject({ kind: 'tcp', target: `tcp://127.0.0.1:${c.port}`, connected: true, sent_messages: 100, reconnects: 0 })
  })

  it('chaos: the collector flaps; sends never throw, drops are counted, every return is a reconnect', async () => {
    const c = await collector()
    const t = transport(c.port, { max_buffer_bytes: 4096, batch_size: 8 })
    let next = 0
    const burst = (n: number) => {
      for (let k = 0; k < n; k++) expect(() => t.send({ i: next++, pad: 'z'.repeat(60) })).not.toThrow()
    }
    for (let round = 1; round <= 3; round++) {
      clock.tick = round * 100
      const before = c.lines.length
      burst(20)
      await vi.waitFor(() => expect(t.status()).toMatchObject({ connected: true, queued_messages: 0 }), { timeout: 3000, interval: 5 })
      // Up: this round's messages arrive (on a fresh connection after the first round).
      await vi.waitFor(() => expect(c.lines.length).toBeGreaterThanOrEqual(before + 20), { timeout: 2000, interval: 5 })
      await c.down()
      clock.tick = round * 100 + 50
      // Down: sends go on and fill the bounded queue; the oldest go.
      for (let k = 0; k < 10; k++) {
        burst(20)
        await pause(3)
      }
      await vi.waitFor(() => expect(t.status()).toMatchObject({ connected: false, last_error_code: 'telemetry.unreachable' }), { timeout: 3000, interval: 5 })
      const down = t.status()
      expect(down.last_failure_tick).toBe(round * 100 + 50)
      expect(down.last_error).toContain('refused the connection')
      expect(down.queued_bytes).toBeLessThanOrEqual(4096)
      await c.up()
    }
    clock.tick = 400
    burst(5)
    await vi.waitFor(() => expect(t.status()).toMatchObject({ connected: true, queued_messages: 0 }), { timeout: 3000, interval: 5 })
    const s = t.status()
    expect(s.reconnects).toBe(3)
    expect(s.dropped_messages).toBeGreaterThan(0)
    expect(s.sent_messages + s.dropped_messages).toBeGreaterThanOrEqual(next)
    expect(s.last_success_tick).toBeGreaterThan(s.last_failure_tick ?? 0)
    // At least once, oldest first: what arrives is well-formed and never goes backwards except for a resent batch.
    const got = received(c)
    expect(new Set(got).size).toBeGreaterThan(20)
    expect(got.every((i) => i >= 0 && i < next)).toBe(true)
  })

  it('a slow reader backs up into the bounded queue: queued bytes never pass max_buffer_bytes', async () => {
    const c = await collector()
    c.slow = true
    const max = 64 * 1024
    const t = transport(c.port, { max_buffer_bytes: max, batch_size: 32 })
    const pad = 'q'.repeat(2000)
    let total = 0
    let peak = 0
    for (let round = 0; round < 200; round++) {
      for (let k = 0; k < 50; k++) t.send({ i: total++, pad })
      peak = Math.max(peak, t.status().queued_bytes)
      expect(t.status().queued_bytes).toBeLessThanOrEqual(max)
      c.drip()
      await pause(1)
    }
    const stalled = t.status()
    expect(stalled.dropped_messages).toBeGreaterThan(0)
    expect(peak).toBeGreaterThan(max / 2)
    c.resumeAll()
    expect(await t.flush(10_000)).toBe(true)
    const s = t.status()
    await vi.waitFor(() => expect(c.lines.length).toBe(s.sent_messages), { timeout: 5000, interval: 10 })
    expect(s.sent_messages + s.dropped_messages).toBe(total)
    const got = received(c)
    expect(got.every((v, k) => k === 0 || v > (got[k - 1] ?? -1))).toBe(true)
  }, 20_000)

  describe('tls', () => {
    let dir: string
    let pki: { key: Buffer; cert: Buffer }
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'telemetry-tls-'))
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' })
      pki = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    it('refuses a certificate it cannot verify, in our own words, and keeps enqueueing', async () => {
      const c = await collector(pki)
      const t = transport(c.port, {}, { tls: true })
      t.send({ i: 0 })
      await vi.waitFor(() => expect(t.status().last_error_code).toBe('telemetry.tls_refused'), { timeout: 3000, interval: 5 })
      expect(t.status().last_error).toMatch(/^the TLS handshake with tls:\/\/127\.0\.0\.1:\d+ failed \([A-Z_]+\)/)
      expect(t.status().connected).toBe(false)
      t.send({ i: 1 })
      expect(c.lines).toEqual([])
    })

    it('delivers over TLS to an endpoint whose CA it was given', async () => {
      const c = await collector(pki)
      const t = transport(c.port, {}, { tls: true, ca: pki.cert })
      t.send({ i: 0 })
      t.send({ i: 1 })
      await vi.waitFor(() => expect(received(c)).toEqual([0, 1]), { timeout: 3000, interval: 5 })
      expect(t.status()).toMatchObject({ connected: true, target: `tls://127.0.0.1:${c.port}` })
    })
  })
})
