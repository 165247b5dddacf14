/**
 * Hostile clients at the contract's channels: a viewer (any socket holding the URL token) changes
 * nothing, and no config can hand out, change or take away the admin role. Finding 1 of the
 * trust-boundary issue, reproduced against the real host and worker.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { adminChannels, invokeChannels, type InvokeName } from '../../shared/contract/channels'
import type { ConsoleSession } from '../../shared/contract/dto/console'
import type { ShardStatus } from '../../shared/contract/dto/shard-status'
import { createTestHost, okValue, repoRoot, type TestHost } from './test-host'

const TOKEN = 'the-hosts-own-admin-token'

let host: TestHost | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
})

async function started(): Promise<TestHost> {
  host = createTestHost({ env: { TOWNLET_ADMIN_TOKEN: TOKEN } })
  await host.start()
  return host
}

/** A valid request for each channel that changes the shard, so only the role can refuse it. */
const CHANGES: [InvokeName, unknown][] = [
  ['shard.start', {}],
  ['shard.pause', {}],
  ['shard.resume', {}],
  ['shard.step', { ticks: 5 }],
  ['shard.set-speed', { speed: 'max' }],
  ['shard.restart', {}],
  ['config.load', { path: 'configs/scenarios/queue_conflict.yaml' }],
  ['config.pick', {}],
  ['snapshot.save', { gzip: true, label: 'mine' }],
  ['snapshot.migrate', { name: 'snapshot-0-00000000.json' }],
  ['snapshot.load', { name: 'snapshot-0-00000000.json' }],
  ['shard.restart', { snapshot: 'snapshot-0-00000000.json' }],
  ['timeline.fork', { tick: 0 }],
  ['timeline.reopen', { branch: 'b1' }],
  ['timeline.bookmark', { tick: 0, label: 'mine' }],
  ['debug.crash-worker', {}]
]

describe('finding 1: roles stop at console.run', () => {
  it('names every admin channel of the contract among the ones a viewer is refused', () => {
    expect(new Set(adminChannels())).toEqual(new Set(CHANGES.map(([name]) => name)))
  })

  it('refuses a viewer every channel that changes the shard, and the town does not move', async () => {
    const h = await started()
    const before = okValue<ShardStatus>(await h.call('shard.status'))
    for (const [channel, payload] of CHANGES) {
      const reply = await h.callAs('viewer-socket', channel, payload)
      expect(reply.ok, channel).toBe(false)
      expect(!reply.ok && reply.error, channel).toMatchObject({ code: 'ipc.forbidden_role', message: expect.stringContaining('admin') })
    }
    const after = okValue<ShardStatus>(await h.call('shard.status'))
    expect(after).toMatchObject({ tick: before.tick, state: before.state, config: { config_id: before.config.config_id }, restarts: 0 })
  })

  it('checks the role before the payload: a viewer learns nothing about an admin channel’s arguments', async () => {
    const h = await started()
    const reply = await h.callAs('viewer-socket', 'shard.step', { ticks: 'lots', extra: true })
    expect(!reply.ok && reply.error.code).toBe('ipc.forbidden_role')
  })

  it('lets an admin session do what a viewer may not', async () => {
    const h = await started()
    okValue(await h.call('console.auth', { token: TOKEN }))
    const stepped = okValue<ShardStatus>(await h.admin('shard.step', { ticks: 3 }))
    expect(stepped.tick).toBe(3)
  })

  it('declares a role beside every channel’s schemas', () => {
    for (const [name, spec] of Object.entries(invokeChannels)) {
      expect(['viewer', 'admin'], name).toContain((spec as { role?: string }).role)
    }
  })
})

describe('finding 1: the admin token belongs to the host, never to a config', () => {
  it('refuses a config that names console.token_file, and that file never grants admin', async () => {
    const h = await started()
    okValue(await h.call('console.auth', { token: TOKEN }))
    const dir = await mkdtemp(join(tmpdir(), 'townlet-roles-'))
    await writeFile(join(dir, 'guess.token'), 'Linux\n')
    await writeFile(join(dir, 'town.yaml'), 'config_id: grab\nseed: 1\nconsole:\n  token_file: guess.token\n')
    const loaded = await h.admin('config.load', { path: join(dir, 'town.yaml') })
    expect(!loaded.ok && loaded.error).toMatchObject({ code: 'config.invalid', message: expect.stringContaining('token_file') })
    const viewer = await h.callAs('viewer-socket', 'console.auth', { token: 'Linux' })
    expect(!viewer.ok && viewer.error.code).toBe('console.unauthorized')
    expect(okValue<ConsoleSession>(await h.callAs('viewer-socket', 'console.session')).role).toBe('viewer')
  })

  it('keeps the admin role available, and the admin an admin, whatever config loads next', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-roles-'))
    await writeFile(join(dir, 'host.token'), 'token-from-the-host-file\n')
    host = createTestHost({ env: {}, admin: { tokenFile: join(dir, 'host.token') } })
    await host.start()
    const h = host
    okValue(await h.call('console.auth', { token: 'token-from-the-host-file' }))
    for (const scenario of ['queue_conflict', 'kitchen_breakfast']) {
      okValue(await h.call('config.load', { path: join(repoRoot, `configs/scenarios/${scenario}.yaml`) }))
      expect(okValue<ConsoleSession>(await h.call('console.session'))).toMatchObject({ role: 'admin', admin_available: true })
    }
    expect(okValue<ConsoleSession>(await h.callAs('later', 'console.auth', { token: 'token-from-the-host-file' })).role).toBe('admin')
  })
})

describe('finding 12: what a failure tells every client', () => {
  it('sends loop.failure without the stack trace or the host’s paths; the stack stays in the host log', async () => {
    const hostLines: string[] = []
    host = createTestHost({ testHooks: true, log: (entry) => hostLines.push(entry.message) })
    await host.start()
    okValue(await host.admin('debug.crash-worker'))
    const failure = (await host.waitFor('loop.failure')) as Record<string, unknown>
    expect(failure.stack).toBeUndefined()
    const told = JSON.stringify(host.received.filter((e) => e.name === 'loop.failure' || e.name === 'log.entry').map((e) => e.payload))
    expect(told).not.toContain(repoRoot)
    expect(told).not.toMatch(/\n\s+at /)
    await expect.poll(() => hostLines.some((l) => /\n\s+at /.test(l))).toBe(true)
  })
})
