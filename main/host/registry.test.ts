import { describe, expect, it, vi } from 'vitest'
import { invokeChannels, type InvokeName } from '../../shared/contract/channels'
import { sampleStatus } from '../../shared/testing/contract-samples'
import { createHandlers } from './handlers'
import { HistoryRecorder } from './history-recorder'
import { HostError } from './host-error'
import { createRegistry, type Handlers } from './registry'
import type { ShardService } from './shard-service'
import type { ConsoleService } from './console-service'

const status = sampleStatus({ speed: 4 })

/** Real handlers over a fake shard service: enough to exercise the registry's checks. */
function handlers(): Handlers {
  const shard = { status: () => status, command: async () => status, clockCommand: async () => status, restart: async () => status } as unknown as ShardService
  const console = {} as ConsoleService
  return createHandlers({ shard, mode: 'browser', version: '1', configsDir: '/nope', testHooks: false, cwd: '/', workspace: () => { throw new Error('no files in this test') }, validator: { checkConfig: () => { throw new Error('no configs in this test') } }, console, history: new HistoryRecorder() })
}

const trusted = { trusted: true, sender: 'test', session: 'test' }
const asAdmin = { roleOf: () => 'admin' as const }

describe('handler registry', () => {
  it('has exactly one handler for every invoke channel of the contract', () => {
    const registry = createRegistry(handlers(), asAdmin)
    expect([...registry.channels].sort()).toEqual(Object.keys(invokeChannels).sort())
    expect(Object.keys(handlers()).sort()).toEqual(Object.keys(invokeChannels).sort())
  })

  it('refuses to build with a missing or an extra handler', () => {
    const missing = { ...handlers() } as Partial<Handlers>
    delete missing['shard.step']
    expect(() => createRegistry(missing as Handlers, asAdmin)).toThrow(/shard.step/)
    const extra = { ...handlers(), 'shard.explode': () => status } as unknown as Handlers
    expect(() => createRegistry(extra, asAdmin)).toThrow(/shard.explode/)
  })

  it('answers an unknown channel with a clear error', async () => {
    const result = await createRegistry(handlers(), asAdmin).dispatch('shard.explode', {}, trusted)
    expect(result).toEqual({ ok: false, error: { code: 'ipc.unknown_channel', message: expect.stringContaining("unknown channel 'shard.explode'") } })
  })

  it('refuses a prototype key posing as a channel', async () => {
    const result = await createRegistry(handlers(), asAdmin).dispatch('constructor', {}, trusted)
    expect(!result.ok && result.error.code).toBe('ipc.unknown_channel')
  })

  it('answers a malformed payload with the failing field', async () => {
    const registry = createRegistry(handlers(), asAdmin)
    for (const payload of [{ ticks: 0 }, { ticks: 'ten' }, { ticks: 1.5 }, { ticks: 10, extra: true }, 'garbage', [1]]) {
      const result = await registry.dispatch('shard.step', payload, trusted)
      expect(!result.ok && result.error.code).toBe('ipc.invalid_payload')
    }
    const result = await registry.dispatch('shard.step', { ticks: 0 }, trusted)
    expect(!result.ok && result.error.message).toMatch(/ticks/)
  })

  it('refuses a foreign sender before looking at the request', async () => {
    const step = vi.fn(() => ({ ...status, stepped: { requested: 1, done: 1 } }))
    const registry = createRegistry({ ...handlers(), 'shard.step': step }, asAdmin)
    const result = await registry.dispatch('shard.step', { ticks: 1 }, { trusted: false, sender: 'frame https://evil.example', session: 'evil' })
    expect(result).toEqual({ ok: false, error: { code: 'ipc.forbidden_sender', message: expect.stringContaining('https://evil.example') } })
    expect(step).not.toHaveBeenCalled()
  })

  it('turns a HostError into its code and a crash into internal.error', async () => {
    const onError = vi.fn()
    const registry = createRegistry(
      {
        ...handlers(),
        'shard.start': () => {
          throw new HostError('shard.failed', 'it failed')
        },
        'shard.pause': () => {
          throw new TypeError('boom')
        }
      },
      { ...asAdmin, onError }
    )
    expect(await registry.dispatch('shard.start', {}, trusted)).toEqual({ ok: false, error: { code: 'shard.failed', message: 'it failed' } })
    const crashed = await registry.dispatch('shard.pause', {}, trusted)
    // The message names the channel, never the exception's text (it may hold paths or internals).
    expect(!crashed.ok && crashed.error).toMatchObject({ code: 'internal.error', message: expect.stringContaining("'shard.pause' failed") })
    expect(!crashed.ok && crashed.error.message).not.toContain('boom')
    expect(onError).toHaveBeenCalledOnce()
  })

  it('refuses to send a reply that breaks the contract', async () => {
    const bad = { ...handlers(), 'shard.status': () => ({ ...status, tick: -1 }) } as Handlers
    const result = await createRegistry(bad, asAdmin).dispatch('shard.status', {}, trusted)
    expect(!result.ok && result.error.code).toBe('ipc.invalid_response')
  })

  it('answers every channel with a Result, never a throw', async () => {
    const registry = createRegistry(handlers(), asAdmin)
    for (const channel of Object.keys(invokeChannels) as InvokeName[]) {
      const result = await registry.dispatch(channel, undefined, trusted)
      expect(typeof result.ok).toBe('boolean')
    }
  })

  it('checks the role before the payload, and reports every call with its outcome', async () => {
    const onCall = vi.fn()
    const step = vi.fn(() => ({ ...status, stepped: { requested: 1, done: 1 } }))
    const registry = createRegistry({ ...handlers(), 'shard.step': step }, { roleOf: (session) => (session === 'admin' ? 'admin' : 'viewer'), onCall })
    const refused = await registry.dispatch('shard.step', { ticks: 'not even valid' }, trusted)
    expect(!refused.ok && refused.error.code).toBe('ipc.forbidden_role')
    expect(step).not.toHaveBeenCalled()
    expect((await registry.dispatch('shard.status', {}, trusted)).ok).toBe(true)
    expect((await registry.dispatch('shard.step', { ticks: 2 }, { ...trusted, session: 'admin' })).ok).toBe(true)
    expect(step).toHaveBeenCalledOnce()
    expect(onCall.mock.calls.map(([c]) => [c.channel, c.role, c.result.ok])).toEqual([
      ['shard.step', 'viewer', false],
      ['shard.status', 'viewer', true],
      ['shard.step', 'admin', true]
    ])
  })
})
