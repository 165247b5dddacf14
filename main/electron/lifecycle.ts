/**
 * App lifecycle: quit when the last window closes (except on macOS, where apps stay in the dock),
 * re-open on dock click, and shut the host down cleanly before the process exits.
 */
import { app } from 'electron'

/** Give up waiting on a hung shutdown after this long; quitting matters more. */
export const SHUTDOWN_TIMEOUT_MS = 5_000

export interface LifecycleHooks {
  /** Save window state and dispose the host. */
  shutdown(): Promise<void>
  /** macOS dock click with no window open. */
  reopen(): void
  hasWindows(): boolean
}

/** Install lifecycle handlers. Safe to call before `app.whenReady()`. */
export function setupLifecycle(hooks: LifecycleHooks, platform: NodeJS.Platform = process.platform): void {
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && !hooks.hasWindows()) hooks.reopen()
  })

  // 'before-quit' does not wait for promises: hold the quit, finish the async shutdown (worker
  // termination, last window-state write), then quit for real.
  let phase: 'running' | 'stopping' | 'done' = 'running'
  app.on('before-quit', (event) => {
    if (phase === 'done') return
    event.preventDefault()
    if (phase === 'stopping') return
    phase = 'stopping'
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_TIMEOUT_MS)
    })
    void Promise.race([hooks.shutdown(), timeout])
      .catch((e: unknown) => console.error(`shutdown failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        clearTimeout(timer)
        phase = 'done'
        app.quit()
      })
  })
}
