/**
 * The process-wide list of temp files that atomic writes have created and not yet renamed, so a
 * process stopped mid-write (Ctrl+C, `kill`, an exit while a write is pending) does not leave
 * `.tmp` files behind.
 *
 * The handlers exist only while a temp is in flight, and they never change how the process ends:
 * - `exit`: remove whatever is still listed (synchronously: nothing async runs after `exit`).
 * - SIGINT/SIGTERM with no other listener: Node's default would kill the process there and then,
 *   so remove the temps, take our listener off and re-raise the signal: the process still dies
 *   by that signal (exit status 130/143 to a shell), as it would have without us.
 * - SIGINT/SIGTERM with another listener (the CLI's shutdownSignal, a test harness): that code
 *   owns the signal and may let pending writes finish (a graceful shutdown), so leave the temps
 *   alone; `exit` removes any left when the process does end.
 */
import { unlinkSync } from 'node:fs'

const SIGNALS = ['SIGINT', 'SIGTERM'] as const
type StopSignal = (typeof SIGNALS)[number]

const inFlight = new Set<string>()
let installed = false

function removeAll(): void {
  for (const path of inFlight) {
    try {
      unlinkSync(path)
    } catch {
      // Already gone or never created: nothing to clean.
    }
  }
  inFlight.clear()
}

function onSignal(signal: StopSignal): void {
  // We are prepended, so a `once` listener of the app has not been taken off yet and counts here.
  if (process.listenerCount(signal) > 1) return
  removeAll()
  uninstall()
  // With no listener left Node restores the default action, so this ends the process by the
  // signal, exactly as it would have ended had we never listened.
  process.kill(process.pid, signal)
}

const signalHandlers: Record<StopSignal, () => void> = { SIGINT: () => onSignal('SIGINT'), SIGTERM: () => onSignal('SIGTERM') }

/**
 * Electron's main process handles SIGINT/SIGTERM natively (a graceful app quit). A Node signal
 * listener would replace that handler, and taking it off again restores the kernel default, not
 * Electron's, so there only the `exit` cleanup runs; Electron's quit path (main/electron/lifecycle.ts)
 * lets pending writes finish.
 */
const listenForSignals = (): boolean => process.versions.electron === undefined

function install(): void {
  if (installed) return
  installed = true
  process.on('exit', removeAll)
  if (listenForSignals()) for (const s of SIGNALS) process.prependListener(s, signalHandlers[s])
}

function uninstall(): void {
  if (!installed) return
  installed = false
  process.off('exit', removeAll)
  for (const s of SIGNALS) process.off(s, signalHandlers[s])
}

/** List a temp file for removal should the process stop before it is renamed or removed. */
export function trackTempFile(path: string): void {
  inFlight.add(path)
  install()
}

/** The temp file was renamed or removed (or must now survive a crash): stop tracking it. */
export function untrackTempFile(path: string): void {
  inFlight.delete(path)
  if (inFlight.size === 0) uninstall()
}

/** Whether this process has `path` in flight (recovery must not touch it). */
export function isTrackedTempFile(path: string): boolean {
  return inFlight.has(path)
}
