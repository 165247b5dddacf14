import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createFilePicker } from './file-picker'
import { BrowserWindow, dialog, resetFakeElectron } from './test-support/fake-electron'

vi.mock('electron', () => import('./test-support/fake-electron'))

beforeEach(() => resetFakeElectron())

describe('createFilePicker', () => {
  it('opens on the configs folder, YAML only, modal to the window', async () => {
    const win = new BrowserWindow({})
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/configs/town.yaml'] })
    await expect(createFilePicker('/configs', () => win as never)()).resolves.toBe('/configs/town.yaml')
    const [parent, options] = dialog.showOpenDialog.mock.calls[0]!
    expect(parent).toBe(win)
    expect(options).toMatchObject({ defaultPath: '/configs', properties: ['openFile'], filters: [{ extensions: ['yaml', 'yml'] }] })
  })

  it('answers null when cancelled', async () => {
    await expect(createFilePicker('/configs', () => null)()).resolves.toBeNull()
    expect(dialog.showOpenDialog.mock.calls[0]).toHaveLength(1)
  })
})
