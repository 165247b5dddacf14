/**
 * Opens the main window at its remembered place and keeps remembering it.
 */
import { join } from 'node:path'
import { app, screen, type BrowserWindow } from 'electron'
import { createMainWindow } from './window'
import { loadWindowState, trackWindowState, WINDOW_STATE_FILE, type WindowStateTracker } from './window-state'

export interface OpenedWindow {
  win: BrowserWindow
  /** Flush before quitting so the last bounds reach the disk. */
  state: WindowStateTracker
}

/** Create the main window (it shows itself once painted) with its bounds saved to userData. */
export async function openMainWindow(paths: { preloadPath: string; rendererPath: string }): Promise<OpenedWindow> {
  const file = join(app.getPath('userData'), WINDOW_STATE_FILE)
  const workAreas = screen.getAllDisplays().map((d) => d.workArea)
  const win = createMainWindow({ ...paths, state: await loadWindowState(file, workAreas) })
  const state = trackWindowState(win, file, {
    onError: (e) => console.error(`could not save window state: ${e instanceof Error ? e.message : String(e)}`)
  })
  return { win, state }
}
