/**
 * The file transport against real files: rotation by count and by size with `keep`, stream
 * offsets that continue across rotated files and across runs, a path that cannot be written and a
 * full disk (/dev/full) surfacing as status while sends keep enqueueing, and paths outside the
 * workspace refused before anything is opened.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TransportBlockSchema, type TransportEntry } from '../../config/sections/telemetry'
import { Workspace } from '../../fs/workspace'
import { createTransport } from './create-transport'
import { fastOptions, type TestClock } from './testing/options'
import type { TelemetryTransport } from './transport'

let dir: string
let workspace: Workspace
const clock: TestClock = { tick: null }
const open: TelemetryTransport[] = []

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'telemetry-file-'))
  workspace = await Workspace.create([{ name: 'workspace', path: dir }])
  clock.tick = 1
})
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close(100)))
  rmSync(dir, { recursive: true, force: true })
})

async function make(entry: Record<string, unknown>, ws = workspace): Promise<TelemetryTransport> {
  const block = TransportBlockSchema.parse({ transports: [entry] })
  const { buffer, retry } = fastOptions(clock, { batch_size: 7 })
  const made = await createTransport(block.transports[0] as TransportEntry, { buffer, retry }, { workspace: ws, base: dir, ticks: () => clock.tick, random: () => 0.5 })
  if (!made.ok) throw new Error(made.error.message)
  open.push(made.value)
  return made.value
}

/** `stream.jsonl.3` → 3, the live file → 0. */
const suffix = (name: string) => Number(/\.(\d+)$/.exec(name)?.[1] ?? 0)
const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { stream_offset: number; message: { i: number } })

describe('file transport', () => {
  it('rotates by entries into .1 … .keep, offsets continuing across the files', async () => {
    const t = await make({ kind: 'file', path: 'stream.jsonl', rotate: { max_entries: 10, max_bytes: null, keep: 3 } })
    for (let i = 0; i < 45; i++) t.send({ i })
    expect(await t.flush()).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(['stream.jsonl', 'stream.jsonl.1', 'stream.jsonl.2', 'stream.jsonl.3'])
    const files = ['stream.jsonl.3', 'stream.jsonl.2', 'stream.jsonl.1', 'stream.jsonl'].map((f) => lines(join(dir, f)))
    expect(files.map((f) => f.length)).toEqual([10, 10, 10, 5])
    // The oldest ten (0–9) rotated out past keep; the rest run on without a gap.
    expect(files.flat().map((l) => l.stream_offset)).toEqual(Array.from({ length: 35 }, (_, k) => k + 10))
    expect(files.flat().map((l) => l.message.i)).toEqual(Array.from({ length: 35 }, (_, k) => k + 10))
    expect(t.status()).toMatchObject({ kind: 'file', connected: true, sent_messages: 45, dropped_messages: 0, queued_bytes: 0, last_success_tick: 1, last_error: null })
  })

  it('rotates by size, no file past max_bytes', async () => {
    const t = await make({ kind: 'file', path: 'sized.jsonl', rotate: { max_bytes: 2048, keep: 50 } })
    for (let i = 0; i < 200; i++) t.send({ i, pad: 'x'.repeat(40) })
    expect(await t.flush()).toBe(true)
    const names = readdirSync(dir).filter((f) => f.startsWith('sized.jsonl'))
    expect(names.length).toBeGreaterThan(5)
    for (const n of names) expect(statSync(join(dir, n)).size).toBeLessThanOrEqual(2048)
    const all = names
      .sort((a, b) => suffix(b) - suffix(a))
      .flatMap((n) => lines(join(dir, n)))
    expect(all.map((l) => l.message.i)).toEqual(Array.from({ length: 200 }, (_, k) => k))
  })

  it('a new run on the same path continues the offsets, keeping the old stream as .1', async () => {
    const first = await make({ kind: 'file', path: 'run.jsonl' })
    for (let i = 0; i < 5; i++) first.send({ i })
    await first.close()
    const second = await make({ kind: 'file', path: 'run.jsonl' })
    second.send({ i: 5 })
    await second.flush()
    expect(lines(join(dir, 'run.jsonl.1')).map((l) => l.stream_offset)).toEqual([0, 1, 2, 3, 4])
    expect(lines(join(dir, 'run.jsonl'))).toEqual([{ stream_offset: 5, message: { i: 5 } }])
  })

  it('a path it cannot write is an error status, retried, while sends keep enqueueing', async () => {
    writeFileSync(join(dir, 'not-a-folder'), 'x')
    const t = await make({ kind: 'file', path: 'not-a-folder/stream.jsonl', buffer: { max_buffer_bytes: 2048 } })
    for (let i = 0; i < 100; i++) expect(() => t.send({ i, pad: 'y'.repeat(30) })).not.toThrow()
    clock.tick = 7
    await vi.waitFor(() => expect(t.status().failures).toBeGreaterThan(1), { timeout: 2000, interval: 5 })
    const s = t.status()
    expect(s).toMatchObject({ connected: false, last_error_code: 'telemetry.write_failed', last_failure_tick: 7, last_success_tick: null, sent_messages: 0 })
    expect(s.last_error).toContain('a part of its folder path is not a folder')
    expect(s.queued_bytes).toBeLessThanOrEqual(2048)
    expect(s.dropped_messages).toBeGreaterThan(0)
  })

  it('a full disk is an error status and the sends go on (Linux /dev/full)', async () => {
    const dev = await Workspace.create([{ name: 'devices', path: '/dev' }])
    const t = await make({ kind: 'file', path: '/dev/full', rotate: { max_bytes: null, max_entries: null, keep: 1 } }, dev)
    for (let i = 0; i < 20; i++) t.send({ i })
    await vi.waitFor(() => expect(t.status().last_error_code).toBe('telemetry.write_failed'), { timeout: 2000, interval: 5 })
    expect(t.status().last_error).toContain('the disk is full')
    t.send({ i: 20 })
    expect(t.status().queued_messages).toBeGreaterThan(0)
  })

  it('refuses a path outside the workspace, lexically or through a link', async () => {
    const block = TransportBlockSchema.parse({ transports: [{ kind: 'file', path: '../elsewhere.jsonl' }] })
    const ctx = { workspace, base: dir, ticks: () => clock.tick }
    const lexical = await createTransport(block.transports[0] as TransportEntry, block, ctx)
    expect(!lexical.ok && lexical.error.code).toBe('fs.outside_workspace')
    symlinkSync(tmpdir(), join(dir, 'out'))
    const linked = await createTransport({ kind: 'file', path: 'out/escape.jsonl', rotate: { max_bytes: null, max_entries: null, keep: 1 } }, block, ctx)
    expect(!linked.ok && linked.error.message).toContain('through a link')
  })
})
