/**
 * The stdout transport on an injected writable: NDJSON lines, a slow stream respected, and a
 * reader that goes away (EPIPE) ending the transport without an uncaught error.
 */
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { StdoutTransport } from './stdout-transport'
import { fastOptions, type TestClock } from './testing/options'

const clock: TestClock = { tick: 4 }

function sink(fail?: () => Error | null): { stream: Writable; text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _enc, cb) {
      const e = fail?.() ?? null
      if (!e) chunks.push(chunk.toString('utf8'))
      setTimeout(() => cb(e), 1)
    }
  })
  return { stream, text: () => chunks.join('') }
}

describe('stdout transport', () => {
  it('writes one JSON message a line', async () => {
    const out = sink()
    const t = new StdoutTransport({ ...fastOptions(clock, { batch_size: 4 }), stream: out.stream })
    for (let i = 0; i < 10; i++) t.send({ i, s: 'line\nbreak' })
    expect(await t.flush()).toBe(true)
    const lines = out.text().trimEnd().split('\n')
    expect(lines.map((l) => (JSON.parse(l) as { i: number }).i)).toEqual(Array.from({ length: 10 }, (_, i) => i))
    expect(t.status()).toMatchObject({ kind: 'stdout', target: 'stdout', connected: true, sent_messages: 10, last_success_tick: 4 })
    await t.close()
  })

  it('stops for good on EPIPE: counted as dropped, never thrown', async () => {
    let broken = false
    const out = sink(() => (broken ? Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) : null))
    const t = new StdoutTransport({ ...fastOptions(clock), stream: out.stream })
    t.send({ i: 0 })
    expect(await t.flush()).toBe(true)
    broken = true
    t.send({ i: 1 })
    await t.flush(1000)
    expect(() => t.send({ i: 2 })).not.toThrow()
    expect(t.status()).toMatchObject({ connected: false, last_error_code: 'telemetry.closed', sent_messages: 1, dropped_messages: 2, failures: 1 })
    expect(t.status().last_error).toContain('EPIPE')
    await t.close()
  })

  it('drops what JSON cannot encode, with a coded status', () => {
    const t = new StdoutTransport({ ...fastOptions(clock), stream: sink().stream })
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    t.send(cyclic)
    t.send(10n)
    expect(t.status()).toMatchObject({ dropped_messages: 2, last_error_code: 'telemetry.unencodable', queued_messages: 0 })
    void t.close()
  })
})
