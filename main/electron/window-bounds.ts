/**
 * Pure logic for remembered window bounds: parse the saved file and clamp the result so the
 * window lands on a display that exists now (monitors get unplugged between sessions).
 */
import { z } from 'zod'

/** A rectangle in screen coordinates (Electron's `Rectangle`). */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** What we remember. x/y are absent when the window should be centred by the OS. */
export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const MIN_WIDTH = 640
export const MIN_HEIGHT = 400
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false }

const WindowStateFileSchema = z
  .object({
    x: z.number().int().optional(),
    y: z.number().int().optional(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    maximized: z.boolean()
  })
  .refine((s) => (s.x === undefined) === (s.y === undefined), 'x and y go together')

/** Parse saved JSON text; anything missing, malformed or out of shape gives null (caller uses defaults). */
export function parseWindowState(text: string): WindowState | null {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = WindowStateFileSchema.safeParse(raw)
  if (!parsed.success) return null
  const { x, y, width, height, maximized } = parsed.data
  return x === undefined || y === undefined ? { width, height, maximized } : { x, y, width, height, maximized }
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/**
 * Make the state fit the displays we have: size at least the minimum and at most the chosen work
 * area, position moved fully inside the work area it overlaps most. A window that overlaps no
 * display loses its position and is centred on the primary (first) work area by the OS.
 */
export function clampWindowState(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const width = Math.max(MIN_WIDTH, Math.round(state.width))
  const height = Math.max(MIN_HEIGHT, Math.round(state.height))
  const primary = workAreas[0]
  if (!primary) return { ...withoutPosition(state), width, height }

  const fit = (area: Rect) => ({ width: Math.min(width, area.width), height: Math.min(height, area.height) })
  if (state.x === undefined || state.y === undefined) {
    return { maximized: state.maximized, ...fit(primary) }
  }

  const rect = { x: state.x, y: state.y, width, height }
  let best: Rect | undefined
  let bestArea = 0
  for (const area of workAreas) {
    const a = overlapArea(rect, area)
    if (a > bestArea) [best, bestArea] = [area, a]
  }
  if (!best) return { maximized: state.maximized, ...fit(primary) }

  const size = fit(best)
  const x = Math.min(Math.max(state.x, best.x), best.x + best.width - size.width)
  const y = Math.min(Math.max(state.y, best.y), best.y + best.height - size.height)
  return { x, y, ...size, maximized: state.maximized }
}

function withoutPosition(state: WindowState): WindowState {
  return { width: state.width, height: state.height, maximized: state.maximized }
}
