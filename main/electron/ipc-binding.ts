/**
 * Binds the contract to Electron IPC: one ipcMain.handle per invoke channel, each checking its
 * sender before the registry parses anything; and host events pushed to every live window.
 */
import { ipcMain, type BrowserWindow } from 'electron'
import { invokeChannels, type InvokeName } from '../../shared/contract/channels'
import type { EventBus } from '../host/event-bus'
import type { Registry } from '../host/registry'
import { checkSender } from './sender-check'

export interface IpcBindingOptions {
  registry: Registry
  events: EventBus
  /** The windows we own, looked up at call time (they are created after binding). */
  windows: () => readonly BrowserWindow[]
  /** file:// URL of our renderer; a sender showing anything else is untrusted. */
  rendererUrl: string
}

/** Bind every invoke channel and forward events. Returns the disposer that undoes both. */
export function bindIpc(opts: IpcBindingOptions): () => void {
  const channels = Object.keys(invokeChannels) as InvokeName[]
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const { trusted, sender } = checkSender(event, opts.windows(), opts.rendererUrl)
      // The registry refuses untrusted callers before parsing; dispatch never throws.
      // A webContents keeps its id for its life (and ids are not reused), so it names the session.
      return opts.registry.dispatch(channel, payload, { trusted, sender, session: `window-${event.sender.id}` })
    })
  }

  const unsubscribe = opts.events.subscribe((name, payload) => {
    for (const win of opts.windows()) {
      // A window closing between frames must not break the fan-out to the others.
      if (win.isDestroyed() || win.webContents.isDestroyed()) continue
      win.webContents.send(name, payload)
    }
  })

  return () => {
    unsubscribe()
    for (const channel of channels) ipcMain.removeHandler(channel)
  }
}
