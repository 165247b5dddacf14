/**
 * The minimap's arithmetic, apart from its drawing (minimap.ts) so it is tested without a
 * canvas: its size for a map, the agents counted into a density grid, and the viewport rectangle.
 */
import type { AgentLayout } from './agent-layout'
import type { MapView } from './map-view'

/** Largest side of the minimap, CSS px. */
export const MINIMAP_PX = 160
/** Side of one density cell, minimap px. */
export const DENSITY_CELL_PX = 4
export const DENSITY_REFRESH_MS = 250

/** Agents counted per cell of a cols × rows grid over the map; `max` is the fullest cell's count. */
export interface DensityGrid {
  cols: number
  rows: number
  counts: Uint16Array
  max: number
}

/** Counts the agents' dots into the grid (positions in tiles, the map `mapWidth` × `mapHeight`). */
export function densityGrid(layout: AgentLayout, mapWidth: number, mapHeight: number, cols: number, rows: number): DensityGrid {
  const counts = new Uint16Array(cols * rows)
  const fx = cols / Math.max(1, mapWidth)
  const fy = rows / Math.max(1, mapHeight)
  let max = 0
  for (let i = 0; i < layout.rows.length; i++) {
    const c = Math.min(cols - 1, Math.max(0, Math.floor(layout.xs[i]! * fx)))
    const r = Math.min(rows - 1, Math.max(0, Math.floor(layout.ys[i]! * fy)))
    const n = ++counts[r * cols + c]!
    if (n > max) max = n
  }
  return { cols, rows, counts, max }
}

/** The minimap's size (CSS px) for a map: its aspect, the longer side MINIMAP_PX. */
export function minimapSize(mapWidth: number, mapHeight: number): { width: number; height: number } {
  const k = MINIMAP_PX / Math.max(1, mapWidth, mapHeight)
  return { width: Math.max(24, Math.round(mapWidth * k)), height: Math.max(24, Math.round(mapHeight * k)) }
}

/** The viewport as a rectangle in minimap px (`k` minimap px per tile), clipped to the minimap. */
export function viewportRect(view: MapView, viewWidth: number, viewHeight: number, k: number, size: { width: number; height: number }) {
  const x0 = Math.max(0, (-view.ox / view.scale) * k)
  const y0 = Math.max(0, (-view.oy / view.scale) * k)
  const x1 = Math.min(size.width, ((viewWidth - view.ox) / view.scale) * k)
  const y1 = Math.min(size.height, ((viewHeight - view.oy) / view.scale) * k)
  return { x: x0, y: y0, w: Math.max(2, x1 - x0), h: Math.max(2, y1 - y0) }
}
