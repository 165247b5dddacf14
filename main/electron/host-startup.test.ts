import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppHost, HostOptions } from '../host/app-host'
import { startHost } from './host-startup'

// Hosts the fake createAppHost hands out, with the options each was created with.
const made = vi.hoisted(() => ({ hosts: [] as Array<{ options: unknown; start: ReturnType<typeof vi.fn>; dispose: ReturnType<typeof vi.fn> }>, failFor: new Set<string | undefined>() }))

vi.mock('../host/app-host', () => ({
  createAppHost: (options: { initialConfigPath?: string }) => {
    const host = {
      options,
      registry: {},
      events: {},
      start: vi.fn(async () => {
        if (made.failFor.has(options.initialConfigPath)) throw new Error(`cannot load ${options.initialConfigPath ?? 'default'}`)
      }),
      dispose: vi.fn(async () => {})
    }
    made.hosts.push(host)
    return host
  }
}))

const base: HostOptions = { mode: 'electron', version: '1', workerPath: '/w.js', configsDir: '/configs' }

beforeEach(() => {
  made.hosts.length = 0
  made.failFor.clear()
})

function binder() {
  const order: string[] = []
  const bind = vi.fn((host: AppHost) => {
    order.push(`bind ${made.hosts.indexOf(host as never)}`)
    return () => void order.push(`unbind ${made.hosts.indexOf(host as never)}`)
  })
  return { bind, order }
}

describe('startHost', () => {
  it('binds IPC before starting the host', async () => {
    const { bind, order } = binder()
    const started = await startHost(base, (h) => {
      const unbind = bind(h)
      expect(made.hosts[0]!.start).not.toHaveBeenCalled()
      return unbind
    }, vi.fn())
    expect(order).toEqual(['bind 0'])
    expect(started.host).toBe(made.hosts[0])
    expect(made.hosts[0]!.start).toHaveBeenCalledOnce()
  })

  it('falls back to the embedded default when the launch config is bad, and says so', async () => {
    made.failFor.add('/bad.yaml')
    const { bind, order } = binder()
    const report = vi.fn()
    const started = await startHost({ ...base, initialConfigPath: '/bad.yaml' }, bind, report)
    expect(report).toHaveBeenCalledWith('Could not load the launch config', expect.stringContaining('cannot load /bad.yaml'))
    expect(order).toEqual(['bind 0', 'unbind 0', 'bind 1'])
    expect(made.hosts[0]!.dispose).toHaveBeenCalledOnce()
    expect(made.hosts[1]!.options).not.toHaveProperty('initialConfigPath')
    expect(started.host).toBe(made.hosts[1])
  })

  it('rejects with the message when even the default fails', async () => {
    made.failFor.add(undefined)
    const { bind, order } = binder()
    await expect(startHost(base, bind, vi.fn())).rejects.toThrow('cannot load default')
    expect(order).toEqual(['bind 0', 'unbind 0'])
    expect(made.hosts[0]!.dispose).toHaveBeenCalledOnce()
  })
})
