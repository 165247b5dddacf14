/**
 * Electron main entry: a short, ordered list of setup steps. Each step lives in its own file;
 * comments mark where the order matters.
 */
import { join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import type { AppHost } from '../host/app-host'
import { createFilePicker } from './file-picker'
import { logToStderr, startHost } from './host-startup'
import { bindIpc } from './ipc-binding'
import { setupLifecycle } from './lifecycle'
import { openMainWindow, type OpenedWindow } from './main-window'
import { MENU_CONTEXT, setupMenu } from './menu'
import { readAppSettings } from './app-settings'
import { rendererFileUrl } from './renderer-url'
import { setupSecurity } from './security'
import { claimSingleInstance } from './single-instance'

// Paths are computed here, in the entry itself: shared code may be bundled into out/main/chunks/,
// where __dirname would point at the wrong folder.
const workerPath = join(__dirname, 'shard-worker.js')
const preloadPath = join(__dirname, '../preload/index.cjs')
const rendererPath = join(__dirname, '../renderer/index.html')
const rendererUrl = rendererFileUrl(rendererPath)

let host: AppHost | null = null
let main: OpenedWindow | null = null
const mainWindow = (): BrowserWindow | null => (main && !main.win.isDestroyed() ? main.win : null)
const windows = (): BrowserWindow[] => {
  const win = mainWindow()
  return win ? [win] : []
}
const showError = (title: string, message: string): void => dialog.showErrorBox(title, message)

async function openWindow(): Promise<void> {
  main = await openMainWindow({ preloadPath, rendererPath })
  // A closed window's session holds no role any more, and its place in the observer stream goes.
  const session = `window-${main.win.webContents.id}`
  main.win.once('closed', () => host?.sessionEnded(session))
}

async function start(): Promise<void> {
  // 1. Before ready: a second launch only focuses the first; every renderer is sandboxed.
  if (!claimSingleInstance(mainWindow)) return app.quit()
  app.enableSandbox()
  setupLifecycle({
    shutdown: async () => {
      await main?.state.flush()
      await host?.dispose()
    },
    // A dock click during startup must not open a window before the host is bound and started.
    reopen: () => void (host && openWindow()),
    hasWindows: () => windows().length > 0
  })
  await app.whenReady()

  // 2. Guards first: `web-contents-created` only sees contents created after it is attached.
  setupSecurity(rendererUrl)

  // 3. Host, bound to IPC *before* the window loads, so the page's first invoke has a handler.
  const configsDir = join(app.getAppPath(), 'configs')
  const pickFile = createFilePicker(configsDir, mainWindow)
  const env = process.env
  const userData = app.getPath('userData')
  const { settings, problem } = await readAppSettings(userData)
  if (problem) logToStderr({ level: 'warn', source: 'host', message: `app settings: ${problem}`, at: Date.now() })
  const started = await startHost(
    {
      mode: 'electron',
      version: app.getVersion(),
      workerPath,
      configsDir,
      pickFile,
      testHooks: env.TOWNLET_TEST_HOOKS === '1',
      initialConfigPath: env.TOWNLET_CONFIG || undefined,
      auditPath: join(userData, 'logs', 'console-audit.jsonl'),
      // Files may come from the shipped configs, the app's data folder and the workspace setting
      // (the working folder by default).
      dataDir: userData,
      ...(settings.workspace === undefined ? {} : { workspaceDir: settings.workspace }),
      // The admin token is the host's: TOWNLET_ADMIN_TOKEN, the admin_token_file setting, or
      // one made for this run; the person at the desk can also use Shard → Become Admin.
      admin: { ...(settings.admin_token_file === undefined ? {} : { tokenFile: settings.admin_token_file }), generate: true },
      log: logToStderr
    },
    (h) => bindIpc({ registry: h.registry, events: h.events, windows, rendererUrl }),
    showError
  )
  host = started.host

  // 4. The window, then its menu (menu actions go through the same registry, as an admin: only
  //    the person at the desk can reach the native menu).
  await openWindow()
  const owner = host
  owner.grantLocalAdmin(MENU_CONTEXT.session, 'the app menu')
  setupMenu({
    registry: host.registry,
    version: app.getVersion(),
    pickFile,
    becomeAdmin: () => {
      const win = mainWindow()
      if (win) owner.grantLocalAdmin(`window-${win.webContents.id}`, 'Shard → Become Admin in the app menu')
    }
  })
}

start().catch((e: unknown) => {
  showError('Townlet Workstation could not start', e instanceof Error ? e.message : String(e))
  app.exit(1)
})
