/**
 * The pipe with its transports on a worker thread (the real shared worker script, run from
 * source): every line arrives in order, stdout stays on this thread, status comes back in config
 * order, a bad path is refused at create, and a worker that dies drops (counted), never throws.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TransportBlockSchema } from '../../config/sections/telemetry'
import { Workspace } from '../../fs/workspace'
import { transportsFromSpecs } from './spec'
import { captureStream } from './testing/capture-stream'
import { ThreadedPipe } from './threaded-pipe'

const workerPath = join(__dirname, '../../host/source-worker.cjs')
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function pipeFor(specs: string[], extra: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'threaded-pipe-'))
  dirs.push(dir)
  const entries = transportsFromSpecs(specs)
  if (!entries.ok) throw new Error(entries.error.message)
  const block = TransportBlockSchema.parse({ buffer: { flush_interval_ms: 2 }, transports: entries.value, ...extra })
  const out = captureStream()
  const made = await ThreadedPipe.create(block, { workspace: await Workspace.create([{ name: 'w', path: dir }]), base: dir, workerPath, stdout: out.stream })
  return { dir, out, made }
}

describe('ThreadedPipe', () => {
  it('delivers every line in order through the worker, stdout here, status in config order', { timeout: 30_000 }, async () => {
    const { dir, out, made } = await pipeFor(['file:a.jsonl', 'stdout', 'file:b.jsonl'])
    if (!made.ok) throw new Error(made.error.message)
    const pipe = made.value
    expect(pipe.size).toBe(3)
    for (let t = 1; t <= 3000; t++) {
      pipe.setTick(t)
      pipe.send({ kind: 'loop.tick', tick: t })
      // Yield now and then, as the run's chunked loop does, so batches go out while it runs.
      if (t % 500 === 0) await new Promise((r) => setImmediate(r))
    }
    pipe.send(1n)
    expect(await pipe.flush(10_000)).toBe(true)
    for (const name of ['a.jsonl', 'b.jsonl']) {
      const lines = readFileSync(join(dir, name), 'utf8').trimEnd().split('\n')
      expect(lines).toHaveLength(3000)
      expect(lines.map((l) => (JSON.parse(l) as { message: { tick: number } }).message.tick)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1))
    }
    expect(out.text().trimEnd().split('\n')).toHaveLength(3000)
    const s = pipe.status()
    expect(s.transports.map((t) => [t.kind, t.sent_messages, t.dropped_messages])).toEqual([
      ['file', 3000, 0],
      ['stdout', 3000, 0],
      ['file', 3000, 0]
    ])
    expect(s).toMatchObject({ connected: true, dropped_messages: 0, unencodable_messages: 1 })
    expect(s.transports[0]!.last_success_tick).toBe(3000)
    await pipe.close()
    // Closed: later sends are dropped and counted, never thrown.
    pipe.send({ kind: 'loop.tick', tick: 3001 })
    expect(pipe.status().transports[0]!.dropped_messages).toBe(1)
  })

  it('refuses a path outside the workspace at create, in our own words', { timeout: 30_000 }, async () => {
    const { made } = await pipeFor(['file:../elsewhere.jsonl'])
    expect(made.ok).toBe(false)
    if (!made.ok) expect(made.error.code).toBe('fs.outside_workspace')
  })

  it('reports a file it cannot write as the worker sees it, and the run side goes on sending', { timeout: 30_000 }, async () => {
    const { made } = await pipeFor(['file:missing/folder/s.jsonl'], { retry: { base_ms: 5, max_ms: 10, max_retries: 0 } })
    if (!made.ok) throw new Error(made.error.message)
    const pipe = made.value
    for (let t = 1; t <= 50; t++) {
      pipe.setTick(t)
      pipe.send({ kind: 'loop.tick', tick: t })
    }
    await pipe.flush(3_000)
    const t = pipe.status().transports[0]!
    expect(t.connected).toBe(false)
    expect(t.last_error_code).toBe('telemetry.write_failed')
    expect(t.sent_messages).toBe(0)
    await pipe.close(500)
  })

  it('a pipe of stdout alone starts no worker and still delivers', async () => {
    const { out, made } = await pipeFor(['stdout'])
    if (!made.ok) throw new Error(made.error.message)
    made.value.send({ kind: 'loop.tick', tick: 1 })
    expect(await made.value.flush()).toBe(true)
    expect(out.text()).toContain('"loop.tick"')
    await made.value.close()
  })
})
