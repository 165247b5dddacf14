/**
 * The app's stream through a real host and its worker thread: a config's file transport gets the
 * whole stream; loading another config closes the old file and streams into the new one; a path
 * outside the workspace refuses the config by name and leaves the running one streaming.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TelemetryStatusSchema } from '../../shared/contract/dto/telemetry'
import { StreamMessageSchema } from '../telemetry/stream/stream-schema'
import { createTestHost, okValue, type TestHost } from './test-host'

const hosts: TestHost[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.dispose()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function streamingConfig(dir: string, id: string, path: string): string {
  const file = join(dir, `${id}.yaml`)
  writeFileSync(file, `config_id: ${id}\nseed: 5\ntelemetry:\n  transport:\n    buffer:\n      flush_interval_ms: 5\n    transports:\n      - kind: file\n        path: ${JSON.stringify(path)}\n`)
  return file
}

function lines(path: string): ReturnType<typeof StreamMessageSchema.parse>[] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      // A stream file wraps each message with its stream offset.
      const parsed = StreamMessageSchema.safeParse((JSON.parse(l) as { message: unknown }).message)
      if (!parsed.success) throw new Error(`not a stream message: ${l.slice(0, 300)}`)
      return parsed.data
    })
}

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('the app streams its telemetry', () => {
  it('writes the stream to a file transport, replaces the pipe on a config load, and refuses a path outside the workspace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'townlet-app-stream-'))
    dirs.push(dir)
    const first = join(dir, 'first.jsonl')
    const second = join(dir, 'second.jsonl')
    const host = createTestHost({ initialConfigPath: streamingConfig(dir, 'first', first) })
    hosts.push(host)
    await host.start()
    okValue(await host.admin('shard.step', { ticks: 120 }))
    await until('the first file to hold the loop messages of tick 120', () => lines(first).some((m) => m.kind === 'loop.health' && m.tick === 120))
    const status = TelemetryStatusSchema.parse(okValue(await host.call('telemetry.status')))
    expect(status.streaming).toBe(true)
    expect(status.transports).toMatchObject([{ kind: 'file', target: first, connected: true }])

    // A config whose transport writes outside the workspace is refused by name; the first keeps streaming.
    const refused = await host.admin('config.load', { path: streamingConfig(dir, 'outside', '/etc/townlet-outside.jsonl') })
    if (refused.ok) throw new Error('a transport outside the workspace was accepted')
    expect(refused.error.code).toBe('fs.outside_workspace')
    expect(refused.error.message).toMatch(/telemetry\.transport cannot be used, so the config was not loaded: the telemetry file \/etc\/townlet-outside\.jsonl is outside the workspace/)
    expect(existsSync('/etc/townlet-outside.jsonl')).toBe(false)
    okValue(await host.admin('shard.step', { ticks: 60 }))
    await until('the first file to reach tick 180', () => lines(first).some((m) => m.kind === 'loop.health' && m.tick === 180))

    // Another config: the old file is flushed and closed, the new town streams into the new file.
    okValue(await host.admin('config.load', { path: streamingConfig(dir, 'second', second) }))
    okValue(await host.admin('shard.step', { ticks: 60 }))
    await until('the second file to hold the loop messages of tick 60', () => lines(second).some((m) => m.kind === 'loop.health' && m.tick === 60))
    const before = readFileSync(first, 'utf8').length
    okValue(await host.admin('shard.step', { ticks: 60 }))
    await until('the second file to reach tick 120', () => lines(second).some((m) => m.kind === 'loop.health' && m.tick === 120))
    // The first pipe is closed: nothing more reaches its file.
    expect(readFileSync(first, 'utf8').length).toBe(before)
    const firstSeqs = lines(first).map((m) => m.seq ?? -1)
    expect(firstSeqs).toEqual(firstSeqs.map((_, i) => i))
    const after = TelemetryStatusSchema.parse(okValue(await host.call('telemetry.status')))
    expect(after.transports.map((t) => t.target)).toEqual([second])
    expect(after.dropped_messages).toBe(0)
    // The stream's loop.health reports the host's transport status.
    const health = lines(second).filter((m) => m.kind === 'loop.health').at(-1)
    expect(health?.kind === 'loop.health' ? health.payload.transport.transports.map((t) => t.kind) : []).toEqual(['file'])
  }, 60_000)
})
