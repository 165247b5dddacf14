import { describe, expect, it } from 'vitest'
import { err, ok } from '../../../shared/result'
import { createStores } from '../stores/stores'
import { FakeClient } from '../testing/fake-client'
import { sampleConfig, sampleFrame, sampleObserverFull, sampleSession, sampleStatus } from '../../../shared/testing/contract-samples'
import { createCommands } from './commands'
import { effectiveState } from './shard-sync'
import { wireClient } from './wire-client'

const appInfo = { mode: 'browser' as const, version: '0.1.0', can_pick_file: false, test_hooks: true, configs_dir: '/c' }

function setup() {
  const client = new FakeClient({
    'app.info': () => ok(appInfo),
    'shard.status': () => ok(sampleStatus()),
    'config.list': () => ok([{ name: 'default.yaml', path: '/c/default.yaml' }]),
    // The whole town once, then a request the host holds (nothing new).
    'observer.next': (req) => (req.after === null ? ok({ frame: sampleObserverFull(0) }) : new Promise(() => {})),
    'console.session': () => ok(sampleSession),
    'console.commands': () => ok([]),
    'session.history': () => ok({ schema_version: 1, now: 0, frame: null, log: [], tps: [], needs: [], kpis: [] })
  })
  const stores = createStores()
  const commands = createCommands(client, stores)
  const unwire = wireClient(client, stores, commands)
  return { client, stores, commands, unwire }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('wiring and commands', () => {
  it('refreshes app info, status, the config list, the town, the console session, the host history and the telemetry status on connection', async () => {
    const { client, stores } = setup()
    client.setConnection({ state: 'connected' })
    await flush()
    await flush()
    // The observer stream asks for the whole town, then for what comes after it.
    expect(client.channelsCalled().sort()).toEqual(['app.info', 'config.list', 'console.commands', 'console.session', 'observer.next', 'observer.next', 'session.history', 'shard.status', 'telemetry.status'])
    expect(stores.observer.getState().agents.size).toBe(1)
    expect(stores.console.getState().session).toEqual(sampleSession)
    expect(stores.appInfo.getState().info).toEqual(appInfo)
    expect(stores.shard.getState().fresh).toBe(true)
    expect(stores.config.getState().files).toHaveLength(1)
    expect(stores.config.getState().summary).toEqual(sampleConfig)
  })

  it('feeds frames and logs from events', () => {
    const { client, stores } = setup()
    client.emit('shard.frame', sampleFrame(1, { state: 'running', tick: 30 }, 0))
    client.emit('log.entry', { level: 'info', source: 'shard', message: 'hello', at: 1 })
    expect(stores.shard.getState().status?.tick).toBe(30)
    expect(stores.logs.getState().entries).toHaveLength(1)
  })

  it('shows a loop failure until a restart succeeds', async () => {
    const { client, stores, commands } = setup()
    client.emit('shard.frame', sampleFrame(1, { state: 'running', tick: 30, restarts: 0 }))
    client.emit('loop.failure', { reason: 'boom', tick: 31, exit_code: 1, autosave: null })
    const failure = stores.failures.getState().failure
    expect(failure?.failure.reason).toBe('boom')
    // a frame the host sent before the crash does not hide the failure
    client.emit('shard.frame', sampleFrame(2, { state: 'running', tick: 31, restarts: 0 }))
    expect(effectiveState(stores.shard.getState().status, stores.failures.getState().failure)).toBe('failed')

    client.handlers['shard.restart'] = () => ok(sampleStatus({ state: 'idle', tick: 0, restarts: 1 }))
    expect(await commands.restart()).toBe(true)
    expect(stores.failures.getState().failure).toBeNull()
    expect(effectiveState(stores.shard.getState().status, null)).toBe('idle')
  })

  it('restarts from the autosave the failure offers', async () => {
    const { client, stores, commands } = setup()
    client.emit('loop.failure', { reason: 'boom', tick: 240, exit_code: 1, autosave: 'autosave-200-ab12cd.json' })
    client.handlers['shard.restart'] = () => ok(sampleStatus({ state: 'paused', tick: 200, restarts: 1 }))
    expect(await commands.restart('autosave-200-ab12cd.json')).toBe(true)
    expect(client.calls.filter((c) => c.channel === 'shard.restart').map((c) => c.req)).toEqual([{ snapshot: 'autosave-200-ab12cd.json' }])
    expect(stores.failures.getState().failure).toBeNull()
  })

  it('keeps the failure when the restart fails, with a notice', async () => {
    const { client, stores, commands } = setup()
    client.emit('loop.failure', { reason: 'boom', tick: null, exit_code: null, autosave: null })
    client.handlers['shard.restart'] = () => err('shard.crashed', 'worker exited again')
    expect(await commands.restart()).toBe(false)
    expect(stores.failures.getState().failure).not.toBeNull()
    expect(stores.failures.getState().notices.map((n) => n.code)).toEqual(['shard.crashed'])
  })

  it('sends config problems to the config-errors panel and clears them on a good load', async () => {
    const { client, stores, commands } = setup()
    const issues = [{ path: 'runtime.tick_ms', line: 2, col: 3, message: 'too small' }]
    client.handlers['config.load'] = () => err('config.invalid', 'bad', { source: '/c/bad.yaml', issues })
    expect(await commands.loadConfig('/c/bad.yaml')).toBe(false)
    expect(stores.config.getState().loadError?.issues).toEqual(issues)
    expect(stores.failures.getState().notices).toEqual([])

    const loaded = { ...sampleConfig, config_id: 'other' }
    client.handlers['config.load'] = () => ok(loaded)
    expect(await commands.loadConfig('/c/other.yaml')).toBe(true)
    expect(stores.config.getState().loadError).toBeNull()
    expect(client.channelsCalled().at(-1)).toBe('shard.status')
  })

  it('turns other failed requests into notices', async () => {
    const { client, stores, commands } = setup()
    client.handlers['shard.step'] = () => err('shard.not_ready', 'no worker')
    expect(await commands.step(10)).toBe(false)
    expect(stores.failures.getState().notices[0]).toMatchObject({ code: 'shard.not_ready', message: 'no worker' })
  })

  it('does nothing when the file dialog is cancelled', async () => {
    const { client, commands } = setup()
    client.handlers['config.pick'] = () => ok({ path: null })
    expect(await commands.pickConfig()).toBe(false)
    expect(client.channelsCalled()).toEqual(['config.pick'])
  })

  it('marks the shard stale when the connection comes back', async () => {
    const { client, stores } = setup()
    client.setConnection({ state: 'connected' })
    await flush()
    client.setConnection({ state: 'disconnected' })
    client.handlers['shard.status'] = () => ok(sampleStatus({ tick: 99 }))
    client.setConnection({ state: 'connected' })
    expect(stores.shard.getState().fresh).toBe(false)
    await flush()
    expect(stores.shard.getState().status?.tick).toBe(99)
  })
})

describe('notices', () => {
  it('raises a notice for a refused command but not for a lost connection', async () => {
    const client = new FakeClient({
      'shard.start': () => err('shard.failed', 'the shard worker has failed'),
      'shard.pause': () => err('ipc.disconnected', 'the connection to the host was lost')
    })
    const stores = createStores()
    const commands = createCommands(client, stores)
    await commands.start()
    await commands.pause()
    expect(stores.failures.getState().notices.map((n) => n.code)).toEqual(['shard.failed'])
  })
})
