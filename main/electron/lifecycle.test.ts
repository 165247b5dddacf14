import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setupLifecycle, SHUTDOWN_TIMEOUT_MS } from './lifecycle'
import { app, fakeEvent, resetFakeElectron } from './test-support/fake-electron'

vi.mock('electron', () => import('./test-support/fake-electron'))

beforeEach(() => resetFakeElectron())
afterEach(() => vi.useRealTimers())

const hooks = (shutdown: () => Promise<void> = async () => {}) => ({ shutdown: vi.fn(shutdown), reopen: vi.fn(), hasWindows: vi.fn(() => false) })

describe('setupLifecycle', () => {
  it('quits when the last window closes, except on macOS', () => {
    setupLifecycle(hooks(), 'linux')
    app.emit('window-all-closed')
    expect(app.quit).toHaveBeenCalledOnce()
    resetFakeElectron()
    setupLifecycle(hooks(), 'darwin')
    app.emit('window-all-closed')
    expect(app.quit).not.toHaveBeenCalled()
  })

  it('re-opens a window on activate when none is open', () => {
    const h = hooks()
    setupLifecycle(h, 'darwin')
    app.emit('activate')
    expect(h.reopen).toHaveBeenCalledOnce()
  })

  it('holds the quit until shutdown finishes, then quits once', async () => {
    let finish!: () => void
    const h = hooks(() => new Promise<void>((r) => (finish = r)))
    setupLifecycle(h, 'linux')
    const first = fakeEvent()
    app.emit('before-quit', first)
    expect(first.defaultPrevented).toBe(true)
    // A second quit request while stopping is held too, without a second shutdown.
    const second = fakeEvent()
    app.emit('before-quit', second)
    expect(second.defaultPrevented).toBe(true)
    expect(h.shutdown).toHaveBeenCalledOnce()
    expect(app.quit).not.toHaveBeenCalled()
    finish()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce())
    // The final quit goes through.
    const last = fakeEvent()
    app.emit('before-quit', last)
    expect(last.defaultPrevented).toBe(false)
  })

  it('quits anyway when shutdown fails or hangs', async () => {
    vi.useFakeTimers()
    setupLifecycle(hooks(() => new Promise<void>(() => {})), 'linux')
    app.emit('before-quit', fakeEvent())
    await vi.advanceTimersByTimeAsync(SHUTDOWN_TIMEOUT_MS)
    expect(app.quit).toHaveBeenCalledOnce()

    resetFakeElectron()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    setupLifecycle(hooks(async () => Promise.reject(new Error('boom'))), 'linux')
    app.emit('before-quit', fakeEvent())
    await vi.advanceTimersByTimeAsync(0)
    expect(app.quit).toHaveBeenCalledOnce()
  })
})
