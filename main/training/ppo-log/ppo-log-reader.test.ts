import { appendFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Workspace } from '../../fs/workspace'
import { DEFAULT_PPO_LOG_LIMITS, type PpoLogLimits } from './ppo-log-limits'
import { readPpoLog, type LogEvent, type ReadOptions } from './ppo-log-reader'
import { type LogFiles } from './rotated-files'
import { sampleLog, sampleRecord } from './sample-records'

let dir: string
let files: LogFiles

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ppo-reader-'))
  files = { workspace: await Workspace.create([{ name: 'workspace', path: dir }]), base: dir }
})
afterEach(() => rm(dir, { recursive: true, force: true }))

async function readAll(log: string, options: Partial<ReadOptions> = {}, limits: Partial<PpoLogLimits> = {}): Promise<LogEvent[]> {
  const out: LogEvent[] = []
  for await (const batch of readPpoLog(files, log, { ...DEFAULT_PPO_LOG_LIMITS, ...limits }, { cutShort: 'error', ...options })) out.push(...batch)
  return out
}
const records = (events: LogEvent[]) => events.filter((e) => e.kind === 'record')
const problems = (events: LogEvent[]) => events.filter((e) => e.kind === 'problem')

describe('readPpoLog', () => {
  it('reads LOG, LOG.1, LOG.2 oldest first, up to the first missing number, with offsets rising across files', async () => {
    await writeFile(join(dir, 'ppo.jsonl'), sampleLog(1, 3))
    await writeFile(join(dir, 'ppo.jsonl.1'), sampleLog(4, 6))
    await writeFile(join(dir, 'ppo.jsonl.2'), sampleLog(7, 8))
    await writeFile(join(dir, 'ppo.jsonl.4'), sampleLog(20, 21)) // after a gap: not part of the log
    const events = await readAll('ppo.jsonl')
    expect(problems(events)).toEqual([])
    expect(records(events).map((e) => [e.file, e.line, e.kind === 'record' && e.record.log_stream_offset])).toEqual([
      ['ppo.jsonl', 1, 1], ['ppo.jsonl', 2, 2], ['ppo.jsonl', 3, 3],
      ['ppo.jsonl.1', 1, 4], ['ppo.jsonl.1', 2, 5], ['ppo.jsonl.1', 3, 6],
      ['ppo.jsonl.2', 1, 7], ['ppo.jsonl.2', 2, 8]
    ])
    expect(events.filter((e) => e.kind === 'file' && e.phase === 'end').map((e) => e.kind === 'file' && e.lines)).toEqual([3, 3, 2])
  })

  it('allows offsets that skip (log_frequency > 1) and warns, with both places, when one falls', async () => {
    const lines = [sampleRecord(1, { offset: 2 }), sampleRecord(2, { offset: 4 }), sampleRecord(3, { offset: 1 })]
    await writeFile(join(dir, 'ppo.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`)
    const found = problems(await readAll('ppo.jsonl'))
    expect(found).toEqual([{ kind: 'problem', level: 'warning', file: 'ppo.jsonl', line: 3, message: expect.stringMatching(/log_stream_offset 1 does not rise \(4 at ppo.jsonl:2\)/) }])
  })

  it('reports malformed lines with their numbers and goes on; blank lines are skipped', async () => {
    await writeFile(join(dir, 'ppo.jsonl'), `${JSON.stringify(sampleRecord(1))}\n\nnot json\n[1]\n${JSON.stringify(sampleRecord(2))}\n\u00ff\n`.replace('\u00ff', '\udcff'))
    await appendFile(join(dir, 'ppo.jsonl'), Buffer.from([0xc3, 0x28, 0x0a]))
    const events = await readAll('ppo.jsonl')
    expect(records(events).map((e) => e.kind === 'record' && e.line)).toEqual([1, 5])
    expect(problems(events).map((e) => e.kind === 'problem' && [e.line, e.message.slice(0, 10)])).toEqual([
      [3, 'not JSON ('], [4, 'expected a'], [6, 'not JSON ('], [7, 'not UTF-8 ']
    ])
  })

  it('a last line cut short: an error or a warning as asked, and a whole last line without a newline is a record', async () => {
    const whole = JSON.stringify(sampleRecord(2))
    await writeFile(join(dir, 'a.jsonl'), `${JSON.stringify(sampleRecord(1))}\n${whole.slice(0, 40)}`)
    expect(problems(await readAll('a.jsonl'))).toEqual([{ kind: 'problem', level: 'error', file: 'a.jsonl', line: 2, message: expect.stringMatching(/the last line is cut short/) }])
    expect(problems(await readAll('a.jsonl', { cutShort: 'warning' }))[0]).toMatchObject({ level: 'warning' })
    await writeFile(join(dir, 'b.jsonl'), whole)
    expect(records(await readAll('b.jsonl'))).toHaveLength(1)
  })

  it('follow: waits for a half-written line, reads it once the writer ends it, and moves on when the log rotates', async () => {
    const path = join(dir, 'live.jsonl')
    const whole = JSON.stringify(sampleRecord(2))
    await writeFile(path, `${JSON.stringify(sampleRecord(1))}\n${whole.slice(0, 30)}`)
    const stop = new AbortController()
    const seen: LogEvent[] = []
    const reading = (async () => {
      for await (const batch of readPpoLog(files, 'live.jsonl', DEFAULT_PPO_LOG_LIMITS, { cutShort: 'error', follow: { intervalMs: 10, signal: stop.signal } })) seen.push(...batch)
    })()
    await until(() => records(seen).length === 1)
    await new Promise((r) => setTimeout(r, 50))
    expect(problems(seen)).toEqual([]) // the half line is waited for, not reported
    await appendFile(path, `${whole.slice(30)}\n`)
    await until(() => records(seen).length === 2)
    await writeFile(`${path}.1`, sampleLog(3, 4))
    await until(() => records(seen).length === 4)
    stop.abort()
    await reading
    expect(records(seen).map((e) => e.kind === 'record' && `${e.file}:${e.line}`)).toEqual(['live.jsonl:1', 'live.jsonl:2', 'live.jsonl.1:1', 'live.jsonl.1:2'])
    expect(problems(seen)).toEqual([])
  })

  it('follow: waits for a log that does not exist yet', async () => {
    const stop = new AbortController()
    const seen: LogEvent[] = []
    const reading = (async () => {
      for await (const batch of readPpoLog(files, 'later.jsonl', DEFAULT_PPO_LOG_LIMITS, { cutShort: 'error', follow: { intervalMs: 10, signal: stop.signal } })) seen.push(...batch)
    })()
    await new Promise((r) => setTimeout(r, 40))
    await writeFile(join(dir, 'later.jsonl'), sampleLog(1, 2))
    await until(() => records(seen).length === 2)
    stop.abort()
    await reading
  })

  it('skips a line past the line bound and stops at the byte bound (a huge log is streamed, never held)', async () => {
    await writeFile(join(dir, 'ppo.jsonl'), `${JSON.stringify({ ...sampleRecord(1), pad: 'x'.repeat(5000) })}\n${sampleLog(2, 40)}`)
    const events = await readAll('ppo.jsonl', {}, { maxLineBytes: 4096 })
    expect(problems(events)).toEqual([{ kind: 'problem', level: 'error', file: 'ppo.jsonl', line: 1, message: expect.stringMatching(/longer than 4096 bytes/) }])
    expect(records(events)).toHaveLength(39)
    const bounded = await readAll('ppo.jsonl', {}, { maxBytes: 20_000 })
    expect(problems(bounded).at(-1)).toMatchObject({ level: 'error', message: expect.stringMatching(/stopped after reading 20000 bytes, the most allowed \(--max-bytes 20000\)/) })
    expect(records(bounded).length).toBeLessThan(15)
  })

  it('refuses a log outside the workspace, and a rotation that links outside it', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'ppo-outside-'))
    try {
      await writeFile(join(outside, 'x.jsonl'), sampleLog(1, 1))
      expect(problems(await readAll(join(outside, 'x.jsonl')))[0]).toMatchObject({ level: 'error', message: expect.stringMatching(/is outside the workspace/) })
      await writeFile(join(dir, 'ppo.jsonl'), sampleLog(1, 1))
      await symlink(join(outside, 'x.jsonl'), join(dir, 'ppo.jsonl.1'))
      const events = await readAll('ppo.jsonl')
      expect(records(events)).toHaveLength(1)
      expect(problems(events)[0]).toMatchObject({ file: 'ppo.jsonl.1', message: expect.stringMatching(/link to a place outside/) })
      await mkdir(join(dir, 'folder.jsonl'))
      expect(problems(await readAll('folder.jsonl'))[0]).toMatchObject({ message: expect.stringMatching(/is not a regular file \(it is a folder\)/) })
    } finally {
      await rm(outside, { recursive: true, force: true })
    }
  })
})

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 5))
  }
}
