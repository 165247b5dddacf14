import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatTelemetrySpec, parseTelemetrySpec, specToTransport, transportsFromSpecs } from './spec'

describe('telemetry specs', () => {
  it.each([
    ['stdout', { kind: 'stdout' }, 'stdout'],
    [' STDOUT ', { kind: 'stdout' }, 'stdout'],
    ['file:out.jsonl', { kind: 'file', path: 'out.jsonl' }, 'file:out.jsonl'],
    ['file:/var/log/town stream.jsonl', { kind: 'file', path: '/var/log/town stream.jsonl' }, 'file:/var/log/town stream.jsonl'],
    ['tcp://Collector.Local:0514', { kind: 'tcp', host: 'collector.local', port: 514, tls: false }, 'tcp://collector.local:514'],
    ['tls://10.0.0.2:6514', { kind: 'tcp', host: '10.0.0.2', port: 6514, tls: true }, 'tls://10.0.0.2:6514'],
    ['tcp://[::1]:9000', { kind: 'tcp', host: '[::1]', port: 9000, tls: false }, 'tcp://[::1]:9000'],
    ['HTTPS://Hooks.Example:443/in?k=v', { kind: 'http', url: 'https://hooks.example/in?k=v' }, 'https://hooks.example/in?k=v']
  ])('parses %j', (text, spec, canonical) => {
    const r = parseTelemetrySpec(text)
    expect(r).toEqual({ ok: true, value: spec })
    expect(r.ok && formatTelemetrySpec(r.value)).toBe(canonical)
  })

  it.each([
    ['', 'empty'],
    ['udp://h:1', '"udp:" is not a transport'],
    ['file:', 'needs a path'],
    ['file:logs/', 'names a folder'],
    ['tcp://h', 'tcp://HOST:PORT'],
    ['tcp://h:70000', 'port must be 1 to 65535'],
    ['tcp://h:9/path', 'nothing after the port'],
    ['tcp://300.1.1.1:9', 'host must be'],
    ['tcp://[zz]:9', 'host must be'],
    ['http://', 'not a valid URL'],
    ['https://h/x#frag', 'no #fragment'],
    ['file:a\nb', 'control characters'],
    ['collector:9000', '"collector:" is not a transport']
  ])('refuses %j with a coded error', (text, why) => {
    const r = parseTelemetrySpec(text)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('telemetry.invalid_spec')
    expect(r.error.message).toContain(why)
    expect(r.error.message).toContain('stdout, file:PATH')
  })

  it('quotes at most a short, printable snippet of what it was given', () => {
    const hostile = `\u001b[31m${'x'.repeat(10_000)}`
    const r = parseTelemetrySpec(hostile)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.message.length).toBeLessThan(400)
    expect(r.error.message).not.toContain('\u001b')
  })

  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/)
  const host = fc.oneof(
    fc.array(label, { minLength: 1, maxLength: 3 }).map((l) => l.join('.')).filter((h) => !/^[\d.]+$/.test(h)),
    fc.ipV4(),
    fc.ipV6().map((h) => `[${h}]`)
  )
  const validSpec = fc.oneof(
    fc.constantFrom('stdout', 'STDOUT', ' stdout'),
    // eslint-disable-next-line no-control-regex
    fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }).filter((p) => !/[\u0000-\u001f\u007f-\u009f]/.test(p) && p.trim() === p && !p.endsWith('/')).map((p) => `file:${p}`),
    fc.tuple(fc.constantFrom('tcp', 'TCP', 'tls'), host, fc.integer({ min: 1, max: 65_535 })).map(([s, h, p]) => `${s}://${h}:${p}`),
    fc.webUrl({ withQueryParameters: true }).filter((u) => u.length < 1500)
  )

  it('round-trips every valid spec to one canonical string', () => {
    fc.assert(
      fc.property(validSpec, (text) => {
        const r = parseTelemetrySpec(text)
        expect(r.ok).toBe(true)
        if (!r.ok) return
        const canonical = formatTelemetrySpec(r.value)
        expect(parseTelemetrySpec(canonical)).toEqual(r)
        expect(formatTelemetrySpec((parseTelemetrySpec(canonical) as { ok: true; value: never }).value)).toBe(canonical)
        expect(specToTransport(r.value).ok).toBe(true)
      }),
      { numRuns: 500 }
    )
  })

  it('answers garbage with a coded error or a spec, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300, unit: 'binary' }), fc.string({ maxLength: 80 }).map((s) => `tcp://${s}`), fc.string({ maxLength: 80 }).map((s) => `http://${s}`)), (text) => {
        const r = parseTelemetrySpec(text)
        if (!r.ok) expect(r.error.code).toBe('telemetry.invalid_spec')
        else expect(parseTelemetrySpec(formatTelemetrySpec(r.value))).toEqual(r)
      }),
      { numRuns: 1000 }
    )
  })

  it('turns a list of specs into config entries with defaults, or the first bad spec', () => {
    const r = transportsFromSpecs(['stdout', 'file:a.jsonl', 'tcp://h:1'])
    expect(r.ok && r.value.map((e) => e.kind)).toEqual(['stdout', 'file', 'tcp'])
    expect(r.ok && r.value[1]).toMatchObject({ kind: 'file', path: 'a.jsonl', rotate: { keep: 5 } })
    const bad = transportsFromSpecs(['stdout', 'nope'])
    expect(!bad.ok && bad.error.code).toBe('telemetry.invalid_spec')
  })
})
