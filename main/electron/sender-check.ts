/**
 * Who sent an IPC message? Only the top frame of one of our windows, showing our renderer, is
 * trusted. Subframes, other URLs and frames that navigated or died are not.
 */
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { isRendererUrl } from './renderer-url'

/** The slice of the invoke event the check reads (keeps tests free of real Electron objects). */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>
/** The slice of a window the check reads. */
export type SenderWindow = Pick<BrowserWindow, 'isDestroyed' | 'webContents'>

export interface SenderVerdict {
  trusted: boolean
  /** For error messages and logs, e.g. `window 1` or `frame file:///elsewhere.html`. */
  sender: string
}

/** Check an invoke event against our windows and renderer URL. */
export function checkSender(event: SenderEvent, windows: readonly SenderWindow[], rendererUrl: string): SenderVerdict {
  const frame = event.senderFrame
  // senderFrame is null when the frame navigated away or was destroyed before we looked.
  if (!frame) return { trusted: false, sender: 'a frame that is gone' }
  const describe = `frame ${frame.url || '(no url)'}`
  const owner = windows.find((w) => !w.isDestroyed() && w.webContents.id === event.sender.id)
  if (!owner) return { trusted: false, sender: `${describe} outside our windows` }
  // Identity is the strong check; parent === null on the same webContents covers frame wrappers
  // that Electron re-creates (e.g. after a cross-process navigation back to our page).
  const isTop = frame === owner.webContents.mainFrame || frame.parent === null
  if (!isTop) return { trusted: false, sender: `sub${describe}` }
  if (!isRendererUrl(frame.url, rendererUrl)) return { trusted: false, sender: describe }
  return { trusted: true, sender: `window ${event.sender.id}` }
}
