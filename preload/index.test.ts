import { beforeEach, describe, expect, it, vi } from 'vitest'
import { EVENT_CHANNEL_NAMES, INVOKE_CHANNEL_NAMES } from '../shared/contract/channel-names'
import type { PreloadApi } from '../shared/contract/preload-api'

type Listener = (event: unknown, payload: unknown) => void

// A fake ipcRenderer that records listeners so tests can fire events through it.
const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>()
  return {
    listeners,
    exposed: new Map<string, unknown>(),
    ipcRenderer: {
      invoke: vi.fn(async (_channel: string, _payload: unknown): Promise<unknown> => ({ ok: true, value: 'pong' })),
      on: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set())
        listeners.get(channel)!.add(listener)
      }),
      removeListener: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => {
        listeners.get(channel)?.delete(listener)
      }),
      send: vi.fn(),
      sendSync: vi.fn()
    }
  }
})

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
  ipcRenderer: fake.ipcRenderer
}))

function fire(channel: string, event: unknown, payload: unknown): void {
  for (const l of fake.listeners.get(channel) ?? []) (l as Listener)(event, payload)
}

async function loadApi(): Promise<PreloadApi> {
  await import('./index')
  return fake.exposed.get('api') as PreloadApi
}

describe('preload', () => {
  beforeEach(() => {
    fake.ipcRenderer.invoke.mockClear()
    fake.listeners.clear()
  })

  it('exposes exactly one key, `api`, with exactly `invoke` and `on`', async () => {
    const api = await loadApi()
    expect([...fake.exposed.keys()]).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
  })

  it('forwards every allow-listed invoke channel to ipcRenderer.invoke', async () => {
    const api = await loadApi()
    for (const name of INVOKE_CHANNEL_NAMES) {
      await expect(api.invoke(name, { a: 1 })).resolves.toEqual({ ok: true, value: 'pong' })
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(name, { a: 1 })
    }
  })

  it.each(['nope', 'shard.frame', 'toString', '__proto__', ''])('refuses invoke channel %j with a Result', async (name) => {
    const api = await loadApi()
    const reply = await api.invoke(name, {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.unknown_channel' } })
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('turns an ipc rejection into ipc.disconnected instead of throwing', async () => {
    const api = await loadApi()
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'))
    const reply = await api.invoke('app.info', {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.disconnected' } })
    expect(reply.ok === false && reply.error.message).toContain('No handler registered')
  })

  it('delivers only the payload to `on` listeners, never the IpcRendererEvent', async () => {
    const api = await loadApi()
    for (const name of EVENT_CHANNEL_NAMES) {
      const got: unknown[][] = []
      const off = api.on(name, (...args: unknown[]) => got.push(args))
      fire(name, { sender: fake.ipcRenderer, ports: [] }, { tick: 3 })
      expect(got).toEqual([[{ tick: 3 }]])
      off()
      fire(name, { sender: fake.ipcRenderer }, { tick: 4 })
      expect(got).toHaveLength(1)
    }
  })

  it.each(['app.info', 'nope', 'constructor'])('refuses to listen on %j', async (name) => {
    const api = await loadApi()
    const off = api.on(name, () => {})
    expect(typeof off).toBe('function')
    expect(() => off()).not.toThrow()
    expect(fake.ipcRenderer.on).not.toHaveBeenCalledWith(name, expect.anything())
  })
})
