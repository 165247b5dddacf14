import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_WINDOW_STATE, type Rect } from './window-bounds'
import { loadWindowState, saveWindowState, trackWindowState, type TrackedWindow } from './window-state'

const screenArea: Rect = { x: 0, y: 0, width: 1920, height: 1080 }
let dir: string
let file: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'townlet-window-state-'))
  file = join(dir, 'nested', 'window-state.json')
})
afterEach(async () => {
  vi.useRealTimers()
  await rm(dir, { recursive: true, force: true })
})

class FakeWindow implements TrackedWindow {
  listeners = new Map<string, Set<() => void>>()
  bounds: Rect = { x: 10, y: 20, width: 1000, height: 700 }
  maximized = false
  destroyed = false
  on(event: string, l: () => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set())
    this.listeners.get(event)!.add(l)
  }
  removeListener(event: string, l: () => void) {
    this.listeners.get(event)?.delete(l)
  }
  emit(event: string) {
    for (const l of this.listeners.get(event) ?? []) l()
  }
  isDestroyed = () => this.destroyed
  isMaximized = () => this.maximized
  getNormalBounds = () => ({ ...this.bounds })
}

const readState = async () => JSON.parse(await readFile(file, 'utf8')) as unknown

describe('window state on disk', () => {
  it('gives defaults when the file is missing', async () => {
    expect(await loadWindowState(file, [screenArea])).toEqual(DEFAULT_WINDOW_STATE)
  })

  it('gives defaults when the file is corrupt', async () => {
    await saveWindowState(file, { x: 1, y: 2, width: 800, height: 600, maximized: false })
    await writeFile(file, '{"x": 1, "y": tru')
    expect(await loadWindowState(file, [screenArea])).toEqual(DEFAULT_WINDOW_STATE)
  })

  it('round-trips a saved state and clamps it to the displays', async () => {
    await saveWindowState(file, { x: 100, y: 100, width: 900, height: 600, maximized: true })
    expect(await loadWindowState(file, [screenArea])).toEqual({ x: 100, y: 100, width: 900, height: 600, maximized: true })
    await saveWindowState(file, { x: 5000, y: 100, width: 900, height: 600, maximized: false })
    expect(await loadWindowState(file, [screenArea])).toEqual({ width: 900, height: 600, maximized: false })
  })

  it('leaves no temp files behind', async () => {
    await saveWindowState(file, { width: 900, height: 600, maximized: false })
    expect(await readdir(join(dir, 'nested'))).toEqual(['window-state.json'])
  })
})

describe('trackWindowState', () => {
  it('saves on close', async () => {
    const win = new FakeWindow()
    const tracker = trackWindowState(win, file)
    win.emit('close')
    await tracker.flush()
    expect(await readState()).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false })
  })

  it('debounces moves and resizes into one write with the latest bounds', async () => {
    vi.useFakeTimers()
    const win = new FakeWindow()
    const tracker = trackWindowState(win, file, { debounceMs: 200 })
    for (let i = 0; i < 5; i++) {
      win.bounds = { x: 10 + i, y: 20, width: 1000, height: 700 }
      win.emit('move')
      vi.advanceTimersByTime(50)
    }
    win.maximized = true
    win.emit('maximize')
    vi.advanceTimersByTime(250)
    vi.useRealTimers()
    // flush on a destroyed window only waits for what is already queued.
    win.destroyed = true
    await tracker.flush()
    expect(await readState()).toEqual({ x: 14, y: 20, width: 1000, height: 700, maximized: true })
  })

  it('stops listening after dispose', async () => {
    const win = new FakeWindow()
    const tracker = trackWindowState(win, file)
    tracker.dispose()
    expect([...win.listeners.values()].every((s) => s.size === 0)).toBe(true)
  })

  it('reports a failed write instead of throwing', async () => {
    const win = new FakeWindow()
    const onError = vi.fn()
    // A file where the folder should be makes mkdir fail.
    await writeFile(join(dir, 'blocker'), 'x')
    const tracker = trackWindowState(win, join(dir, 'blocker', 'window-state.json'), { onError })
    await expect(tracker.flush()).resolves.toBeUndefined()
    expect(onError).toHaveBeenCalledOnce()
  })
})
