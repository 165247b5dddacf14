/**
 * The application menu. `buildMenuTemplate` is pure (actions are injected) so a test can read
 * the items and click them; `setupMenu` wires the actions to the registry and native dialogs.
 */
import { dialog, Menu, type MenuItemConstructorOptions } from 'electron'
import type { InvokeName, InvokeReq } from '../../shared/contract/channels'
import type { CallContext, Registry } from '../host/registry'
import { errorText } from './error-text'

/** What the menu can do; each returns once the action (and any error box) is done. */
export interface MenuActions {
  openConfig(): Promise<void>
  dispatch<K extends InvokeName>(channel: K, payload: InvokeReq<K>): Promise<void>
  /** Make the main window's session admin: the person at the desk, who alone can reach this menu. */
  becomeAdmin(): Promise<void>
  about(): Promise<void>
}

export interface MenuInfo {
  version: string
  platform: NodeJS.Platform
}

/** The menu as plain data. macOS gets its app menu first and no Quit under File. */
export function buildMenuTemplate(actions: MenuActions, info: MenuInfo): MenuItemConstructorOptions[] {
  const mac = info.platform === 'darwin'
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open Config…', accelerator: 'CmdOrCtrl+O', click: () => void actions.openConfig() },
      ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: 'Quit' }])
    ]
  }
  const shard: MenuItemConstructorOptions = {
    label: '&Shard',
    submenu: [
      { label: 'Start / Resume', accelerator: 'F5', click: () => void actions.dispatch('shard.start', {}) },
      { label: 'Pause', accelerator: 'F6', click: () => void actions.dispatch('shard.pause', {}) },
      { label: 'Step 10 Ticks', accelerator: 'F7', click: () => void actions.dispatch('shard.step', { ticks: 10 }) },
      { type: 'separator' },
      { label: 'Become Admin in This Window', click: () => void actions.becomeAdmin() }
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' }
    ]
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: `About Townlet Workstation (${info.version})`, click: () => void actions.about() }]
  }
  return [...(mac ? [{ role: 'appMenu' as const }] : []), file, shard, view, help]
}

/**
 * Registry calls from the menu are internal: the operator chose them in our own process. The
 * entry makes this session admin at start: the page can never reach the native menu.
 */
export const MENU_CONTEXT: CallContext = { trusted: true, sender: 'app menu', session: 'app-menu' }

export interface MenuSetup {
  registry: Registry
  version: string
  pickFile: () => Promise<string | null>
  /** Grants the main window's session admin (the host does it; the token never leaves it). */
  becomeAdmin?: () => void
}

/** Actions backed by the registry; failures surface in a native error box. */
export function createMenuActions(setup: MenuSetup): MenuActions {
  const run = async (channel: InvokeName, payload: unknown, title: string): Promise<void> => {
    const reply = await setup.registry.dispatch(channel, payload, MENU_CONTEXT)
    if (!reply.ok) dialog.showErrorBox(title, errorText(reply.error))
  }
  return {
    async openConfig() {
      const path = await setup.pickFile()
      if (path !== null) await run('config.load', { path }, 'Could not load config')
    },
    dispatch: (channel, payload) => run(channel, payload, `'${channel}' failed`),
    async becomeAdmin() {
      if (setup.becomeAdmin) setup.becomeAdmin()
      else dialog.showErrorBox('Cannot become admin', 'there is no window to make admin yet')
    },
    async about() {
      await dialog.showMessageBox({
        type: 'info',
        title: 'About Townlet Workstation',
        message: `Townlet Workstation ${setup.version}`,
        detail: 'Operator workstation for the Townlet small-town simulation.'
      })
    }
  }
}

/** Install the application menu. */
export function setupMenu(setup: MenuSetup): void {
  const template = buildMenuTemplate(createMenuActions(setup), { version: setup.version, platform: process.platform })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
