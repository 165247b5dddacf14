import { describe, expect, it } from 'vitest'
import { err, ok } from '../../../shared/result'
import { sampleAgentDetail, sampleConfig, sampleConsoleResult, sampleObserverFull, sampleSession } from '../../../shared/testing/contract-samples'
import { createStores } from '../stores/stores'
import { FakeClient } from '../testing/fake-client'
import { sampleDiff } from '../testing/observer-samples'
import { createCommands } from './commands'
import { wireClient } from './wire-client'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function setup(full = () => ok(sampleObserverFull(5))) {
  const client = new FakeClient({ 'observer.full': full })
  const stores = createStores()
  const commands = createCommands(client, stores)
  wireClient(client, stores, commands)
  const fullCalls = () => client.channelsCalled().filter((c) => c === 'observer.full').length
  return { client, stores, commands, fullCalls }
}

describe('observer wiring', () => {
  it('applies streamed frames and fetches a full frame when a diff does not fit', async () => {
    const { client, stores, fullCalls } = setup()
    client.emit('observer.frame', sampleObserverFull(3))
    client.emit('observer.frame', sampleDiff(4, 3))
    expect(stores.observer.getState().seq).toBe(4)
    expect(fullCalls()).toBe(0)
    client.emit('observer.frame', sampleDiff(7, 6))
    client.emit('observer.frame', sampleDiff(8, 7))
    expect(fullCalls()).toBe(1)
    await flush()
    expect(stores.observer.getState()).toMatchObject({ seq: 5, stale: false })
    // The stream goes on from the fetched frame.
    client.emit('observer.frame', sampleDiff(6, 5))
    expect(stores.observer.getState().seq).toBe(6)
    expect(fullCalls()).toBe(1)
  })

  it('fetches a full frame when a config loads, after the one already in flight', async () => {
    const { client, commands, fullCalls } = setup()
    void commands.refetchObserver()
    client.emit('config.loaded', sampleConfig)
    await flush()
    await flush()
    expect(fullCalls()).toBe(2)
  })

  it('after a failed fetch, shows the error and waits before asking again on gaps', async () => {
    const { client, stores, fullCalls } = setup(() => err('app.unsupported', 'not wired yet'))
    client.emit('observer.frame', sampleDiff(1, 0))
    await flush()
    expect(stores.observer.getState().error).toBe('app.unsupported: not wired yet')
    client.emit('observer.frame', sampleDiff(2, 1))
    client.emit('observer.frame', sampleDiff(3, 2))
    await flush()
    expect(fullCalls()).toBe(1)
    expect(stores.failures.getState().notices).toEqual([])
  })

  it('marks the town stale on reconnection and fetches it again', async () => {
    const { client, stores, fullCalls } = setup()
    client.emit('observer.frame', sampleObserverFull(40))
    client.setConnection({ state: 'connected' })
    expect(stores.observer.getState().stale).toBe(true)
    await flush()
    expect(fullCalls()).toBe(1)
    expect(stores.observer.getState()).toMatchObject({ seq: 5, stale: false })
  })
})

describe('console wiring', () => {
  it('runs a command with a fresh cmd_id and replaces its queued result by the final event', async () => {
    const { client, stores, commands } = setup()
    client.handlers['console.run'] = (req) => ok(sampleConsoleResult({ cmd_id: req.cmd_id ?? '', name: req.name, status: 'queued' }))
    const result = await commands.runConsole('kill', { agent: 'alice' })
    expect(result.cmd_id).toMatch(/^ui-\d+-\d+$/)
    const second = await commands.runConsole('kill', { agent: 'bob' })
    expect(second.cmd_id).not.toBe(result.cmd_id)
    client.emit('console.result', sampleConsoleResult({ cmd_id: result.cmd_id, name: 'kill', status: 'ok' }))
    expect(stores.console.getState().results.map((e) => [e.result.cmd_id, e.result.status])).toEqual([
      [second.cmd_id, 'queued'],
      [result.cmd_id, 'ok']
    ])
  })

  it('keeps a cmd_id the operator typed, and shows a refused request as an error row', async () => {
    const { client, stores, commands } = setup()
    client.handlers['console.run'] = () => err('console.forbidden', 'admin required')
    const result = await commands.runConsole('kill', { agent: 'alice' }, ' my-id ')
    expect(result).toMatchObject({ cmd_id: 'my-id', status: 'error', error: { code: 'console.forbidden', message: 'admin required' } })
    expect(stores.console.getState().results[0]?.result.cmd_id).toBe('my-id')
  })

  it('fetches the session and commands, and trades a token for the admin role', async () => {
    const { client, stores, commands } = setup()
    client.handlers['console.session'] = () => ok(sampleSession)
    client.handlers['console.commands'] = () => ok([{ name: 'help', role: 'viewer', destructive: false, help: 'list commands', args: [] }])
    await commands.refreshConsole()
    expect(stores.console.getState()).toMatchObject({ session: { role: 'viewer' }, error: null })
    expect(stores.console.getState().commands.map((c) => c.name)).toEqual(['help'])
    client.handlers['console.auth'] = (req) => (req.token === 'secret' ? ok({ ...sampleSession, role: 'admin' }) : err('console.unauthorized', 'wrong token'))
    expect(await commands.authConsole('nope')).toMatchObject({ code: 'console.unauthorized' })
    expect(stores.console.getState().session?.role).toBe('viewer')
    expect(await commands.authConsole('secret')).toBeNull()
    expect(stores.console.getState().session?.role).toBe('admin')
  })

  it('asks observer.agent for one agent in depth and hands back the reply', async () => {
    const { client, commands } = setup()
    client.handlers['observer.agent'] = (req) => (req.id === 'alice' ? ok(sampleAgentDetail('alice')) : err('console.not_found', 'no agent'))
    expect(await commands.fetchAgentDetail('alice')).toEqual(ok(sampleAgentDetail('alice')))
    expect(await commands.fetchAgentDetail('ghost')).toMatchObject({ ok: false, error: { code: 'console.not_found' } })
    expect(client.calls.filter((c) => c.channel === 'observer.agent').map((c) => c.req)).toEqual([{ id: 'alice' }, { id: 'ghost' }])
  })
})
