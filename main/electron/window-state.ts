/**
 * Remembered window bounds on disk: `<userData>/window-state.json`. Reading never fails (a bad
 * or missing file means defaults); writes are atomic and serialised so the file is never torn.
 * No electron import: the window is reached through the small `TrackedWindow` slice, so this
 * runs under vitest against real files.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { writeFileAtomic } from '../fs/atomic-write'
import { clampWindowState, DEFAULT_WINDOW_STATE, parseWindowState, type Rect, type WindowState } from './window-bounds'

/** File name under Electron's userData folder. */
export const WINDOW_STATE_FILE = 'window-state.json'

/** The BrowserWindow methods the tracker uses. */
export interface TrackedWindow {
  on(event: 'move' | 'resize' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown
  removeListener(event: 'move' | 'resize' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown
  isDestroyed(): boolean
  isMaximized(): boolean
  /** Bounds when not maximized, so un-maximizing next session restores a sensible size. */
  getNormalBounds(): Rect
}

/** Read the saved state and clamp it to the current displays; defaults when absent or invalid. */
export async function loadWindowState(file: string, workAreas: readonly Rect[]): Promise<WindowState> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return clampWindowState(DEFAULT_WINDOW_STATE, workAreas)
  }
  return clampWindowState(parseWindowState(text) ?? DEFAULT_WINDOW_STATE, workAreas)
}

/** Write the state atomically, creating the folder on first run. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`)
}

export interface WindowStateTracker {
  /** Save now (if the window is alive) and wait for every pending write; call before quitting. */
  flush(): Promise<void>
  /** Stop listening; pending writes still finish. */
  dispose(): void
}

/**
 * Save the window's bounds on close, and debounced while it moves or resizes (those events fire
 * many times a second during a drag). A failed write is reported, never thrown.
 */
export function trackWindowState(
  win: TrackedWindow,
  file: string,
  opts: { debounceMs?: number; onError?: (e: unknown) => void } = {}
): WindowStateTracker {
  const debounceMs = opts.debounceMs ?? 500
  let timer: ReturnType<typeof setTimeout> | undefined
  // Writes are chained so an older snapshot can never rename over a newer one.
  let pending: Promise<void> = Promise.resolve()

  const saveNow = (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (win.isDestroyed()) return pending
    const b = win.getNormalBounds()
    const state: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() }
    pending = pending.then(() => saveWindowState(file, state)).catch((e: unknown) => opts.onError?.(e))
    return pending
  }
  const saveSoon = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void saveNow(), debounceMs)
  }
  const onClose = (): void => void saveNow()

  const soonEvents = ['move', 'resize', 'maximize', 'unmaximize'] as const
  for (const e of soonEvents) win.on(e, saveSoon)
  // 'close' fires while the window still has its bounds; 'closed' would be too late.
  win.on('close', onClose)

  return {
    flush: () => saveNow(),
    dispose() {
      if (timer) clearTimeout(timer)
      timer = undefined
      for (const e of soonEvents) win.removeListener(e, saveSoon)
      win.removeListener('close', onClose)
    }
  }
}
