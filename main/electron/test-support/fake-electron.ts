/**
 * A stand-in for the `electron` module in unit tests (the real binary cannot run here).
 * Use as `vi.mock('electron', () => import('./test-support/fake-electron'))`; the test imports
 * the same module to inspect what the code under test did, and calls `resetFakeElectron()`.
 */
import { vi } from 'vitest'

type Listener = (...args: unknown[]) => void

/** Minimal EventEmitter with `emit` returning the listeners' first event object. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()
  on(name: string, l: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), l])
    return this
  }
  once(name: string, l: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(name, wrapped)
      l(...args)
    }
    return this.on(name, wrapped)
  }
  removeListener(name: string, l: Listener): this {
    this.listeners.set(name, (this.listeners.get(name) ?? []).filter((x) => x !== l))
    return this
  }
  emit(name: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(name) ?? []) l(...args)
  }
  count(name: string): number {
    return this.listeners.get(name)?.length ?? 0
  }
}

/** A preventable event, as Electron passes to will-navigate and friends. */
export function fakeEvent(): { defaultPrevented: boolean; preventDefault(): void } {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    }
  }
}

export interface FakeFrame {
  url: string
  parent: FakeFrame | null
}

let nextId = 1

export class FakeWebContents extends FakeEmitter {
  readonly id = nextId++
  destroyed = false
  readonly mainFrame: FakeFrame = { url: '', parent: null }
  readonly send = vi.fn()
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  isDestroyed = () => this.destroyed
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = h
  }
}

export class BrowserWindow extends FakeEmitter {
  static readonly instances: BrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  destroyed = false
  maximized = false
  shown = false
  readonly loadFile = vi.fn(async (path: string) => {
    this.webContents.mainFrame.url = `file://${path}`
  })
  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.instances.push(this)
  }
  isDestroyed = () => this.destroyed
  isMaximized = () => this.maximized
  isMinimized = () => false
  maximize = () => void (this.maximized = true)
  show = () => void (this.shown = true)
  restore = vi.fn()
  focus = vi.fn()
  getNormalBounds = () => ({ x: 0, y: 0, width: Number(this.options.width), height: Number(this.options.height) })
}

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: vi.fn((channel: string, fn: Listener) => {
    // Real Electron throws on a second handler for one channel; so does the fake.
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    ipcMain.handlers.set(channel, fn)
  }),
  removeHandler: vi.fn((channel: string) => void ipcMain.handlers.delete(channel))
}

class FakeApp extends FakeEmitter {
  userData = '/tmp/townlet-fake-user-data'
  readonly quit = vi.fn()
  readonly exit = vi.fn()
  readonly enableSandbox = vi.fn()
  readonly requestSingleInstanceLock = vi.fn(() => true)
  readonly whenReady = vi.fn(async () => {})
  isReady = () => true
  getVersion = () => '9.8.7'
  getAppPath = () => '/app'
  getPath = (_name: string) => this.userData
}
export const app = new FakeApp()

export const session = {
  defaultSession: {
    permissionRequestHandler: undefined as Listener | undefined,
    permissionCheckHandler: undefined as ((...args: unknown[]) => boolean) | undefined,
    headersHandler: undefined as Listener | undefined,
    setPermissionRequestHandler(h: Listener) {
      this.permissionRequestHandler = h
    },
    setPermissionCheckHandler(h: (...args: unknown[]) => boolean) {
      this.permissionCheckHandler = h
    },
    webRequest: {
      onHeadersReceived(h: Listener) {
        session.defaultSession.headersHandler = h
      }
    }
  }
}

export const dialog = {
  showErrorBox: vi.fn(),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0 }))
}

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn()
}

export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }])
}

/** Forget everything recorded by earlier tests. */
export function resetFakeElectron(): void {
  BrowserWindow.instances.length = 0
  ipcMain.handlers.clear()
  for (const k of [...app.listeners.keys()]) app.listeners.delete(k)
  session.defaultSession.permissionRequestHandler = undefined
  session.defaultSession.permissionCheckHandler = undefined
  session.defaultSession.headersHandler = undefined
  vi.clearAllMocks()
}
