/**
 * One workstation per user: a second launch focuses the existing window instead of starting a
 * second host that would fight over the same files.
 */
import { app, type BrowserWindow } from 'electron'

/** Take the lock; false means another instance has it and this one should quit. */
export function claimSingleInstance(mainWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) return false
  app.on('second-instance', () => {
    const win = mainWindow()
    if (!win || win.isDestroyed()) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  return true
}
