/**
 * The `telemetry.transport` block: defaults for every setting, each kind's fields, and a clear
 * message with the path for each mistake.
 */
import { describe, expect, it } from 'vitest'
import { formatZodIssues } from '../../../shared/zod-issues'
import { TelemetrySectionSchema, TransportBlockSchema } from './telemetry'

const problems = (block: unknown) => {
  const r = TelemetrySectionSchema.safeParse(block)
  return r.success ? '' : formatZodIssues(r.error.issues)
}

describe('telemetry.transport config', () => {
  it('defaults to no transports, with the buffer and retry settings filled in', () => {
    const section = TelemetrySectionSchema.parse({})
    expect(section.transport).toEqual({
      buffer: { max_buffer_bytes: 4 * 1024 * 1024, batch_size: 256, flush_interval_ms: 200 },
      retry: { base_ms: 100, max_ms: 10_000, max_retries: null },
      transports: []
    })
    expect(section.dispatch).toEqual({ privacy: false, strict: false, include_kinds: [], exclude_kinds: [], request_kinds: [], request_every_ticks: 60, exclude_fields: [] })
  })

  it('takes every kind, filling each kind’s defaults', () => {
    const block = TransportBlockSchema.parse({
      buffer: { max_buffer_bytes: 65_536 },
      transports: [
        { kind: 'stdout' },
        { kind: 'file', path: 'out/stream.jsonl', rotate: { max_entries: 1000, max_bytes: null, keep: 3 } },
        { kind: 'tcp', host: 'collector.local', port: 5170, tls: true, buffer: { batch_size: 10 } },
        { kind: 'http', url: 'https://hooks.example/in', headers: { Authorization: 'Bearer t' }, retry: { base_ms: 50, max_ms: 500, max_retries: 3 } }
      ]
    })
    expect(block.buffer).toEqual({ max_buffer_bytes: 65_536, batch_size: 256, flush_interval_ms: 200 })
    expect(block.transports).toEqual([
      { kind: 'stdout' },
      { kind: 'file', path: 'out/stream.jsonl', rotate: { max_entries: 1000, max_bytes: null, keep: 3 } },
      { kind: 'tcp', host: 'collector.local', port: 5170, tls: true, ca_file: null, connect_timeout_ms: 5000, buffer: { batch_size: 10 } },
      { kind: 'http', url: 'https://hooks.example/in', timeout_ms: 10_000, headers: { Authorization: 'Bearer t' }, retry: { base_ms: 50, max_ms: 500, max_retries: 3 } }
    ])
    expect(TransportBlockSchema.parse({ transports: [{ kind: 'file', path: 'a' }] }).transports[0]).toMatchObject({ rotate: { max_bytes: 64 * 1024 * 1024, max_entries: null, keep: 5 } })
  })

  it.each([
    [{ transport: { transports: [{ kind: 'kafka' }] } }, 'transport.transports.0.kind: each transport needs kind: stdout, file, tcp or http'],
    [{ transport: { transports: [{ kind: 'file' }] } }, 'transport.transports.0.path'],
    [{ transport: { transports: [{ kind: 'file', path: 'a', rotate: { keep: 0 } }] } }, 'transport.transports.0.rotate.keep'],
    [{ transport: { transports: [{ kind: 'stdout', colour: true }] } }, 'colour'],
    [{ transport: { transports: [{ kind: 'tcp', host: 'bad host', port: 1 }] } }, 'transport.transports.0.host: use a host name'],
    [{ transport: { transports: [{ kind: 'tcp', host: 'h', port: 70_000 }] } }, 'transport.transports.0.port'],
    [{ transport: { transports: [{ kind: 'http', url: 'ftp://x/' }] } }, 'transport.transports.0.url: use an http:// or https:// URL'],
    [{ transport: { transports: [{ kind: 'http', url: 'http://x/', headers: { 'X-A': 'a\r\nb' } }] } }, 'line breaks'],
    [{ transport: { buffer: { max_buffer_bytes: 10 } } }, 'transport.buffer.max_buffer_bytes'],
    [{ transport: { buffer: { batch_size: 0 } } }, 'transport.buffer.batch_size'],
    [{ transport: { retry: { base_ms: 500, max_ms: 100 } } }, 'transport.retry.max_ms: max_ms must be at least base_ms'],
    [{ transport: { buffers: {} } }, 'buffers'],
    [{ transport: { transports: Array.from({ length: 17 }, () => ({ kind: 'stdout' })) } }, 'at most 16 transports']
  ])('refuses %j', (block, message) => {
    expect(problems(block)).toContain(message)
  })
})
