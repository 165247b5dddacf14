/**
 * The fan-out: one encode, every transport gets every message, status aggregated; a pipe built
 * from a config block refuses a bad path and closes what it had already opened.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TransportBlockSchema } from '../../config/sections/telemetry'
import { Workspace } from '../../fs/workspace'
import { transportsFromSpecs } from './spec'
import { captureStream } from './testing/capture-stream'
import { TelemetryPipe } from './telemetry-pipe'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('TelemetryPipe', () => {
  it('sends each message to every transport and sums their status', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'telemetry-pipe-'))
    dirs.push(dir)
    const specs = transportsFromSpecs(['stdout', 'file:stream.jsonl'])
    if (!specs.ok) throw new Error(specs.error.message)
    const block = TransportBlockSchema.parse({ buffer: { flush_interval_ms: 2 }, transports: specs.value })
    const out = captureStream()
    const made = await TelemetryPipe.create(block, { workspace: await Workspace.create([{ name: 'w', path: dir }]), base: dir, stdout: out.stream })
    if (!made.ok) throw new Error(made.error.message)
    const pipe = made.value
    pipe.setTick(12)
    for (let i = 0; i < 5; i++) pipe.send({ type: 'loop.tick', tick: i })
    pipe.send(1n)
    expect(await pipe.flush()).toBe(true)
    expect(out.text().trimEnd().split('\n')).toHaveLength(5)
    const file = readFileSync(join(dir, 'stream.jsonl'), 'utf8').trimEnd().split('\n')
    expect(JSON.parse(file[4] ?? '')).toEqual({ stream_offset: 4, message: { type: 'loop.tick', tick: 4 } })
    const s = pipe.status()
    expect(s).toMatchObject({ connected: true, dropped_messages: 0, queued_bytes: 0, unencodable_messages: 1 })
    expect(s.transports.map((t) => [t.kind, t.sent_messages, t.last_success_tick])).toEqual([
      ['stdout', 5, 12],
      ['file', 5, 12]
    ])
    await pipe.close()
  })

  it('refuses a transport outside the workspace, as a Result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'telemetry-pipe-'))
    dirs.push(dir)
    const block = TransportBlockSchema.parse({ transports: [{ kind: 'stdout' }, { kind: 'file', path: '/etc/stream.jsonl' }] })
    const made = await TelemetryPipe.create(block, { workspace: await Workspace.create([{ name: 'w', path: dir }]), base: dir, stdout: captureStream().stream })
    expect(!made.ok && made.error.code).toBe('fs.outside_workspace')
  })

  it('with no transports, costs nothing and reports connected', () => {
    const pipe = new TelemetryPipe()
    pipe.send({ a: 1 })
    expect(pipe.status()).toEqual({ transports: [], connected: true, dropped_messages: 0, queued_bytes: 0, unencodable_messages: 0 })
  })
})
