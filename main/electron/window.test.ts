import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMainWindow, WINDOW_BACKGROUND } from './window'
import { BrowserWindow, resetFakeElectron } from './test-support/fake-electron'

vi.mock('electron', () => import('./test-support/fake-electron'))

const paths = { preloadPath: '/app/out/preload/index.cjs', rendererPath: '/app/out/renderer/index.html' }

beforeEach(() => resetFakeElectron())

function created(): BrowserWindow {
  const win = BrowserWindow.instances.at(-1)
  if (!win) throw new Error('no window created')
  return win
}

describe('createMainWindow', () => {
  it('creates the window with every security option set', () => {
    createMainWindow({ ...paths, state: { width: 1000, height: 700, maximized: false } })
    const prefs = created().options.webPreferences as Record<string, unknown>
    expect(prefs.sandbox).toBe(true)
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.preload).toBe(paths.preloadPath)
  })

  it('stays hidden until ready-to-show, on a dark background', () => {
    createMainWindow({ ...paths, state: { width: 1000, height: 700, maximized: false } })
    const win = created()
    expect(win.options.show).toBe(false)
    expect(win.options.backgroundColor).toBe(WINDOW_BACKGROUND)
    expect(win.shown).toBe(false)
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
  })

  it('loads the built renderer with loadFile', () => {
    createMainWindow({ ...paths, state: { width: 1000, height: 700, maximized: false } })
    expect(created().loadFile).toHaveBeenCalledWith(paths.rendererPath)
  })

  it('uses remembered bounds and re-maximizes when shown', () => {
    createMainWindow({ ...paths, state: { x: 40, y: 30, width: 1000, height: 700, maximized: true } })
    const win = created()
    expect(win.options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700 })
    win.emit('ready-to-show')
    expect(win.maximized).toBe(true)
  })

  it('lets the OS place a window without a remembered position', () => {
    createMainWindow({ ...paths, state: { width: 1000, height: 700, maximized: false } })
    expect(created().options).not.toHaveProperty('x')
    expect(created().options).not.toHaveProperty('y')
  })
})
