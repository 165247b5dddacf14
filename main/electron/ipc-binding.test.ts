import { beforeEach, describe, expect, it, vi } from 'vitest'
import { INVOKE_CHANNEL_NAMES } from '../../shared/contract/channel-names'
import { invokeChannels } from '../../shared/contract/channels'
import { createEventBus } from '../host/event-bus'
import { createRegistry } from '../host/registry'
import { bindIpc } from './ipc-binding'
import { rendererFileUrl } from './renderer-url'
import { fakeHandlers, fakeStatus } from './test-support/fake-handlers'
import { BrowserWindow, ipcMain, resetFakeElectron, type FakeFrame } from './test-support/fake-electron'

vi.mock('electron', () => import('./test-support/fake-electron'))

const rendererPath = '/opt/townlet/out/renderer/index.html'
const rendererUrl = rendererFileUrl(rendererPath)

function setup() {
  const { handlers, calls } = fakeHandlers()
  const registry = createRegistry(handlers, { roleOf: () => 'admin' })
  const events = createEventBus()
  const win = new BrowserWindow({ width: 800, height: 600 })
  win.webContents.mainFrame.url = rendererUrl
  const wins = [win]
  const unbind = bindIpc({ registry, events, rendererUrl, windows: () => wins as never })
  return { registry, events, win, wins, calls, unbind }
}

/** Call the bound handler the way ipcMain would, from a given frame of a window. */
function invokeFrom(win: BrowserWindow, frame: FakeFrame | null, channel: string, payload: unknown) {
  const handler = ipcMain.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return handler({ sender: win.webContents, senderFrame: frame }, payload) as unknown as Promise<unknown>
}

beforeEach(() => resetFakeElectron())

describe('bindIpc: invoke channels', () => {
  it('registers every contract invoke channel with ipcMain.handle exactly once', () => {
    setup()
    const registered = ipcMain.handle.mock.calls.map((c) => c[0])
    expect([...registered].sort()).toEqual(Object.keys(invokeChannels).sort())
    expect(new Set(registered).size).toBe(registered.length)
    expect([...registered].sort()).toEqual([...INVOKE_CHANNEL_NAMES].sort())
  })

  it('answers a request from our window top frame through the registry', async () => {
    const { win, calls } = setup()
    const reply = await invokeFrom(win, win.webContents.mainFrame, 'shard.step', { ticks: 10 })
    expect(reply).toEqual({ ok: true, value: { ...fakeStatus, stepped: { requested: 10, done: 10 } } })
    expect(calls).toEqual([{ channel: 'shard.step', req: { ticks: 10 }, ctx: { trusted: true, sender: `window ${win.webContents.id}`, session: `window-${win.webContents.id}` } }])
  })

  it('trusts a re-created top-frame wrapper of the same webContents', async () => {
    const { win } = setup()
    const reply = await invokeFrom(win, { url: `${rendererUrl}#/snapshots`, parent: null }, 'app.info', {})
    expect(reply).toMatchObject({ ok: true })
  })

  it('still validates payloads from a trusted sender', async () => {
    const { win } = setup()
    const reply = await invokeFrom(win, win.webContents.mainFrame, 'shard.step', { ticks: 0 })
    expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.invalid_payload' } })
  })

  it.each([
    ['a subframe of our page', (w: BrowserWindow) => ({ url: rendererUrl, parent: w.webContents.mainFrame })],
    ['a top frame showing another URL', () => ({ url: 'https://evil.example/', parent: null })],
    ['another file in our folder', () => ({ url: rendererFileUrl('/opt/townlet/out/renderer/other.html'), parent: null })],
    ['a frame that is gone', () => null]
  ])('refuses %s with ipc.forbidden_sender and never runs the handler', async (_label, frameOf) => {
    const { win, calls } = setup()
    const reply = await invokeFrom(win, frameOf(win), 'shard.start', {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.forbidden_sender' } })
    expect(calls).toEqual([])
  })

  it('refuses a webContents that is not one of our windows', async () => {
    const { calls } = setup()
    const stranger = new BrowserWindow({})
    stranger.webContents.mainFrame.url = rendererUrl
    const reply = await invokeFrom(stranger, stranger.webContents.mainFrame, 'shard.start', {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.forbidden_sender' } })
    expect(calls).toEqual([])
  })

  it('refuses a destroyed window', async () => {
    const { win } = setup()
    win.destroyed = true
    const reply = await invokeFrom(win, win.webContents.mainFrame, 'shard.start', {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.forbidden_sender' } })
  })

  it('removes every handler when disposed, so it can bind again', () => {
    const { unbind } = setup()
    unbind()
    expect(ipcMain.handlers.size).toBe(0)
    expect(() => setup()).not.toThrow()
  })
})

describe('bindIpc: events', () => {
  const entry = { level: 'info', source: 'host', message: 'hello', at: 1 } as const

  it('forwards host events to every live window', () => {
    const { events, win, wins } = setup()
    const other = new BrowserWindow({})
    wins.push(other)
    events.emit('log.entry', entry)
    expect(win.webContents.send).toHaveBeenCalledWith('log.entry', entry)
    expect(other.webContents.send).toHaveBeenCalledWith('log.entry', entry)
  })

  it('skips destroyed windows and destroyed web contents', () => {
    const { events, win, wins } = setup()
    const gone = new BrowserWindow({})
    gone.destroyed = true
    const crashed = new BrowserWindow({})
    crashed.webContents.destroyed = true
    wins.push(gone, crashed)
    events.emit('log.entry', entry)
    expect(win.webContents.send).toHaveBeenCalledOnce()
    expect(gone.webContents.send).not.toHaveBeenCalled()
    expect(crashed.webContents.send).not.toHaveBeenCalled()
  })

  it('stops forwarding after dispose', () => {
    const { events, win, unbind } = setup()
    unbind()
    expect(events.listenerCount).toBe(0)
    events.emit('log.entry', entry)
    expect(win.webContents.send).not.toHaveBeenCalled()
  })
})
