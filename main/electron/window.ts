/**
 * The main window: sandboxed, isolated, no Node in the page, shown only once it has painted
 * (no white flash), with the page's dark background behind it.
 */
import { BrowserWindow, type WebPreferences } from 'electron'
import { MIN_HEIGHT, MIN_WIDTH, type WindowState } from './window-bounds'

/** Matches the renderer's background so resizing and first paint show no flash. */
export const WINDOW_BACKGROUND = '#0e1116'

/** The webPreferences every window of ours gets. Exported so a test can assert each one. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false
  }
}

export interface MainWindowOptions {
  preloadPath: string
  rendererPath: string
  /** Remembered bounds, already clamped to the displays. */
  state: WindowState
  title?: string
}

/** Create the main window and start loading the renderer; it shows itself on `ready-to-show`. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const { state } = opts
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: opts.title ?? 'Townlet Workstation',
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: secureWebPreferences(opts.preloadPath)
  })
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize()
    win.show()
  })
  // Not awaited: the caller goes on with menus while the page loads. A missing build is the usual cause.
  win.loadFile(opts.rendererPath).catch((e: unknown) => {
    console.error(`could not load ${opts.rendererPath}: ${e instanceof Error ? e.message : String(e)}`)
  })
  return win
}
