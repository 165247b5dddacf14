/**
 * The native open-config dialog behind `config.pick` (HostOptions.pickFile) and File ▸ Open Config.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'

/** Make a picker that opens on the configs folder, YAML only, modal to the main window when open. */
export function createFilePicker(configsDir: string, parent: () => BrowserWindow | null): () => Promise<string | null> {
  return async () => {
    const options: OpenDialogOptions = {
      title: 'Open Townlet config',
      defaultPath: configsDir,
      properties: ['openFile'],
      filters: [{ name: 'Townlet config (YAML)', extensions: ['yaml', 'yml'] }]
    }
    const win = parent()
    const result = win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    return result.canceled ? null : (result.filePaths[0] ?? null)
  }
}
