import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FrameSchema, type Frame } from '../../shared/contract/dto/frame'
import type { ShardStatus } from '../../shared/contract/dto/shard-status'
import { createTestHost, type TestHost, okValue } from './test-host'

let host: TestHost | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
})

async function started(options: Parameters<typeof createTestHost>[0] = {}): Promise<TestHost> {
  host = createTestHost(options)
  await host.start()
  return host
}


describe('AppHost with a real shard worker', () => {
  it('boots on the embedded default config', async () => {
    const h = await started()
    const status = okValue<ShardStatus>(await h.call('shard.status'))
    expect(status).toMatchObject({ state: 'idle', tick: 0, speed: 4, config: { config_id: 'default', source: 'embedded:default' } })
  })

  it('steps exactly N ticks, runs, pauses and changes speed', async () => {
    const h = await started()
    expect(okValue<ShardStatus>(await h.admin('shard.step', { ticks: 10 }))).toMatchObject({ state: 'paused', tick: 10 })
    expect(okValue<ShardStatus>(await h.admin('shard.set-speed', { speed: 'max' })).speed).toBe('max')
    await h.admin('shard.start')
    const running = (await h.waitFor('shard.frame', (f: Frame) => f.status.tick > 1000)) as Frame
    expect(running.status.state).toBe('running')
    const paused = okValue<ShardStatus>(await h.admin('shard.pause'))
    const again = okValue<ShardStatus>(await h.call('shard.status'))
    expect(again.tick).toBe(paused.tick)
    expect(okValue<ShardStatus>(await h.admin('shard.step', { ticks: 10 })).tick).toBe(paused.tick + 10)
  })

  it('sends valid, numbered frames', async () => {
    const h = await started()
    await h.admin('shard.step', { ticks: 3 })
    const frames = h.received.filter((e) => e.name === 'shard.frame').map((e) => FrameSchema.parse(e.payload))
    expect(frames.length).toBeGreaterThan(0)
    const seqs = frames.map((f) => f.frame_seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(frames.at(-1)?.status.tick).toBe(3)
  })

  it('loads a good config and keeps the old one when a config is bad', async () => {
    const h = await started()
    const dir = await mkdtemp(join(tmpdir(), 'townlet-host-'))
    await writeFile(join(dir, 'good.yaml'), 'config_id: good\nseed: 9\nruntime:\n  tick_ms: 100\n')
    await writeFile(join(dir, 'bad.yaml'), 'config_id: good\nseed: nine\nruntim: {}\n')
    expect(okValue<{ config_id: string }>(await h.admin('config.load', { path: join(dir, 'good.yaml') })).config_id).toBe('good')
    await h.waitFor('config.loaded')
    await h.admin('shard.step', { ticks: 5 })
    const bad = await h.admin('config.load', { path: join(dir, 'bad.yaml') })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.error.code).toBe('config.invalid')
    expect(bad.error.details).toMatchObject({ issues: [{ path: 'seed', line: 2 }, { path: 'runtim', line: 3, message: expect.stringContaining('runtime') }] })
    expect(okValue<ShardStatus>(await h.call('shard.status'))).toMatchObject({ tick: 5, config: { config_id: 'good', tick_ms: 100 } })
  })

  it('explains a missing config file', async () => {
    const h = await started()
    const result = await h.admin('config.load', { path: 'configs/nope.yaml' })
    expect(!result.ok && result.error.code).toBe('config.not_found')
  })

  it('lists the YAML files of the configs folder', async () => {
    const h = await started()
    const files = okValue<{ name: string }[]>(await h.call('config.list'))
    expect(files.map((f) => f.name)).toContain('default.yaml')
  })

  it('reports a crashed worker once, refuses commands, and restarts with the last good config', async () => {
    const h = await started({ testHooks: true })
    await h.admin('shard.step', { ticks: 4 })
    expect(okValue<{ crashing: boolean }>(await h.admin('debug.crash-worker')).crashing).toBe(true)
    const failure = (await h.waitFor('loop.failure')) as { reason: string; tick: number }
    expect(failure.reason).toMatch(/debug.crash-worker/)
    expect(failure.tick).toBe(4)
    const refused = await h.admin('shard.step', { ticks: 1 })
    expect(!refused.ok && refused.error).toMatchObject({ code: 'shard.failed', message: expect.stringContaining('Restart') })
    expect(okValue<ShardStatus>(await h.call('shard.status')).state).toBe('failed')
    const restarted = okValue<ShardStatus>(await h.admin('shard.restart'))
    expect(restarted).toMatchObject({ state: 'idle', tick: 0, restarts: 1, config: { config_id: 'default' } })
    expect(okValue<ShardStatus>(await h.admin('shard.step', { ticks: 2 })).tick).toBe(2)
    expect(h.received.filter((e) => e.name === 'loop.failure')).toHaveLength(1)
  })

  it('refuses the crash hook unless test hooks are enabled', async () => {
    const h = await started()
    const result = await h.admin('debug.crash-worker')
    expect(!result.ok && result.error.code).toBe('app.forbidden')
  })

  it('refuses the native picker in browser mode with a way forward', async () => {
    const h = await started()
    const result = await h.admin('config.pick')
    expect(!result.ok && result.error).toMatchObject({ code: 'app.unsupported', message: expect.stringContaining('configs list') })
  })

  it('fails to start with every problem of a bad initial config', async () => {
    host = createTestHost({ initialConfigPath: join(__dirname, '../../e2e/fixtures/does-not-exist.yaml') })
    await expect(host.start()).rejects.toThrow(/does-not-exist\.yaml does not exist/)
  })

  it('forwards worker logs', async () => {
    const h = await started()
    await h.waitFor('log.entry', (e: { source: string; message: string }) => e.source === 'shard' && e.message.includes('ready'))
  })
})
