import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEventBus } from '../host/event-bus'
import { createRegistry } from '../host/registry'
import type * as FakeElectronModule from './test-support/fake-electron'
import { fakeHandlers } from './test-support/fake-handlers'
import { INVOKE_CHANNEL_NAMES } from '../../shared/contract/channel-names'

type FakeElectron = typeof FakeElectronModule

vi.mock('electron', () => import('./test-support/fake-electron'))

// Records the order of the entry's steps across the fakes.
const trace = vi.hoisted(() => ({ steps: [] as string[], hostOptions: [] as unknown[], grants: [] as [string, string][], ended: [] as string[], failStart: false }))

vi.mock('../host/app-host', async () => ({
  createAppHost: (options: unknown) => {
    const { ipcMain } = fx
    trace.hostOptions.push(options)
    trace.steps.push('createAppHost')
    const { handlers } = fakeHandlers()
    return {
      registry: createRegistry(handlers, { roleOf: () => 'admin' }),
      events: createEventBus(),
      start: async () => {
        trace.steps.push(`host.start (handlers: ${ipcMain.handlers.size})`)
        if (trace.failStart) throw new Error('worker script missing')
      },
      dispose: async () => void trace.steps.push('host.dispose'),
      adminToken: () => ({ available: true, source: 'test', generated: null }),
      grantLocalAdmin: (session: string, via: string) => void trace.grants.push([session, via]),
      sessionEnded: (session: string) => void trace.ended.push(session)
    }
  }
}))

// The entry runs on import, so each test re-imports it after vi.resetModules(). The mocked
// 'electron' survives the reset (mock factories are cached); `fx` is that instance.
let fx: FakeElectron
let userData: string
beforeEach(async () => {
  vi.resetModules()
  fx = (await import('electron')) as unknown as FakeElectron
  fx.resetFakeElectron()
  const { app, ipcMain, Menu } = fx
  trace.steps.length = 0
  trace.hostOptions.length = 0
  trace.grants.length = 0
  trace.ended.length = 0
  trace.failStart = false
  userData = await mkdtemp(join(tmpdir(), 'townlet-entry-'))
  app.userData = userData
  app.enableSandbox.mockImplementation(() => void trace.steps.push('enableSandbox'))
  app.whenReady.mockImplementation(async () => void trace.steps.push('whenReady'))
  ipcMain.handle.mockImplementationOnce((channel: string, fn: (...a: unknown[]) => void) => {
    trace.steps.push('ipcMain.handle')
    ipcMain.handlers.set(channel, fn)
  })
  Menu.setApplicationMenu.mockImplementation(() => void trace.steps.push('setApplicationMenu'))
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await rm(userData, { recursive: true, force: true })
})

async function runEntry() {
  await import('./index')
  await vi.waitFor(() => expect(fx.Menu.setApplicationMenu).toHaveBeenCalled())
  return fx.BrowserWindow.instances[0]!
}

describe('electron entry', () => {
  it('runs its setup steps in order: sandbox, ready, security, ipc, start, window, menu', async () => {
    const win = await runEntry()
    expect(trace.steps).toEqual([
      'enableSandbox',
      'whenReady',
      'createAppHost',
      'ipcMain.handle',
      `host.start (handlers: ${INVOKE_CHANNEL_NAMES.length})`,
      'setApplicationMenu'
    ])
    // Security is installed before the first window; IPC is bound before the page loads.
    const { app, ipcMain, session } = fx
    expect(session.defaultSession.headersHandler).toBeDefined()
    expect(app.count('web-contents-created')).toBe(1)
    expect(win.loadFile).toHaveBeenCalledOnce()
    expect(ipcMain.handle.mock.invocationCallOrder.at(-1)!).toBeLessThan(win.loadFile.mock.invocationCallOrder[0]!)
  })

  it('passes paths computed from the entry folder and the environment to the host', async () => {
    vi.stubEnv('TOWNLET_TEST_HOOKS', '1')
    vi.stubEnv('TOWNLET_CONFIG', '/configs/town.yaml')
    const win = await runEntry()
    expect(trace.hostOptions[0]).toMatchObject({
      mode: 'electron',
      version: '9.8.7',
      workerPath: join(__dirname, 'shard-worker.js'),
      configsDir: join('/app', 'configs'),
      testHooks: true,
      initialConfigPath: '/configs/town.yaml'
    })
    expect(typeof (trace.hostOptions[0] as { pickFile: unknown }).pickFile).toBe('function')
    expect((win.options.webPreferences as { preload: string }).preload).toBe(join(__dirname, '../preload/index.cjs'))
    expect(win.loadFile).toHaveBeenCalledWith(join(__dirname, '../renderer/index.html'))
  })

  it('takes the admin token file from the app settings, makes the menu an admin, and Become Admin grants the window', async () => {
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(userData, 'settings.json'), JSON.stringify({ admin_token_file: '/secrets/admin.token', workspace: '/towns' }))
    const win = await runEntry()
    expect(trace.hostOptions[0]).toMatchObject({ admin: { tokenFile: '/secrets/admin.token', generate: true }, workspaceDir: '/towns', dataDir: userData })
    expect(trace.grants).toEqual([['app-menu', 'the app menu']])
    const template = fx.Menu.setApplicationMenu.mock.calls[0]![0] as { template: { submenu?: { label?: string; click?: () => void }[] }[] }
    const item = template.template.flatMap((m) => m.submenu ?? []).find((i) => i.label === 'Become Admin in This Window')
    item?.click?.()
    await vi.waitFor(() => expect(trace.grants).toHaveLength(2))
    const session = `window-${(win.webContents as unknown as { id: number }).id}`
    expect(trace.grants[1]![0]).toBe(session)
    // Closing the window ends its session: the role goes with it.
    win.emit('closed')
    expect(trace.ended).toEqual([session])
  })

  it('leaves test hooks off and the launch config unset by default', async () => {
    vi.stubEnv('TOWNLET_TEST_HOOKS', '')
    vi.stubEnv('TOWNLET_CONFIG', '')
    await runEntry()
    expect(trace.hostOptions[0]).toMatchObject({ testHooks: false, initialConfigPath: undefined })
  })

  it('saves the window state and disposes the host before quitting', async () => {
    await runEntry()
    const { app, fakeEvent } = fx
    app.emit('before-quit', fakeEvent())
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
    expect(trace.steps.at(-1)).toBe('host.dispose')
    const saved = JSON.parse(await readFile(join(userData, 'window-state.json'), 'utf8')) as unknown
    expect(saved).toMatchObject({ width: 1280, height: 800, maximized: false })
  })

  it('quits with a clear message when the host cannot start', async () => {
    trace.failStart = true
    const { app, dialog, BrowserWindow } = fx
    await import('./index')
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1))
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Townlet Workstation could not start', 'worker script missing')
    expect(BrowserWindow.instances).toHaveLength(0)
  })

  it('quits at once when another instance is running', async () => {
    const { app } = fx
    app.requestSingleInstanceLock.mockReturnValueOnce(false)
    await import('./index')
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
    expect(trace.steps).toEqual([])
  })
})
