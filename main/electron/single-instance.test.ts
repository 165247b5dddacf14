import { beforeEach, describe, expect, it, vi } from 'vitest'
import { claimSingleInstance } from './single-instance'
import { app, BrowserWindow, resetFakeElectron } from './test-support/fake-electron'

vi.mock('electron', () => import('./test-support/fake-electron'))

beforeEach(() => resetFakeElectron())

describe('claimSingleInstance', () => {
  it('refuses when another instance holds the lock', () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false)
    expect(claimSingleInstance(() => null)).toBe(false)
    expect(app.count('second-instance')).toBe(0)
  })

  it('focuses the existing window on a second launch', () => {
    const win = new BrowserWindow({})
    expect(claimSingleInstance(() => win as never)).toBe(true)
    app.emit('second-instance')
    expect(win.focus).toHaveBeenCalledOnce()
  })
})
