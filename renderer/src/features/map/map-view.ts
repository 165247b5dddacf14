/**
 * The map's view transform and its changes, as pure functions. A world unit is one tile; a view
 * maps world to screen (CSS pixels): screen = world × scale + offset.
 */
import type { MapView } from '../../stores/ui-store'

export type { MapView }

/** Pixels per tile: from a whole town of thousands on screen to a few tiles filling it. */
export const MIN_SCALE = 0.25
export const MAX_SCALE = 96

/** A scale kept within MIN_SCALE…MAX_SCALE. */
export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale))
}

/** World (tiles) to screen (CSS px). */
export function toScreen(view: MapView, wx: number, wy: number): [number, number] {
  return [wx * view.scale + view.ox, wy * view.scale + view.oy]
}

/** Screen (CSS px) to world (tiles). */
export function toWorld(view: MapView, sx: number, sy: number): [number, number] {
  return [(sx - view.ox) / view.scale, (sy - view.oy) / view.scale]
}

/** The tile under a screen point (may lie outside the map). */
export function tileAt(view: MapView, sx: number, sy: number): { x: number; y: number } {
  const [wx, wy] = toWorld(view, sx, sy)
  return { x: Math.floor(wx), y: Math.floor(wy) }
}

/** Zooms by `factor`, keeping the world point under (sx, sy) where it is. */
export function zoomAt(view: MapView, factor: number, sx: number, sy: number): MapView {
  const scale = clampScale(view.scale * factor)
  const [wx, wy] = toWorld(view, sx, sy)
  return { scale, ox: sx - wx * scale, oy: sy - wy * scale }
}

/** The view moved by a screen-pixel delta. */
export function panBy(view: MapView, dx: number, dy: number): MapView {
  return { ...view, ox: view.ox + dx, oy: view.oy + dy }
}

/** The view that shows the whole map centred in a viewport, with a margin. */
export function fitView(mapWidth: number, mapHeight: number, viewWidth: number, viewHeight: number, margin = 12): MapView {
  const usableW = Math.max(1, viewWidth - 2 * margin)
  const usableH = Math.max(1, viewHeight - 2 * margin)
  const scale = clampScale(Math.min(usableW / Math.max(1, mapWidth), usableH / Math.max(1, mapHeight)))
  return { scale, ox: (viewWidth - mapWidth * scale) / 2, oy: (viewHeight - mapHeight * scale) / 2 }
}

/** The same zoom, moved so the world point (wx, wy) sits at the viewport's centre. */
export function centerOn(view: MapView, wx: number, wy: number, viewWidth: number, viewHeight: number): MapView {
  return { scale: view.scale, ox: viewWidth / 2 - wx * view.scale, oy: viewHeight / 2 - wy * view.scale }
}

/** Wheel delta (pixels) to a zoom factor: one notch (~100 px) is about ×1.2. */
export function wheelFactor(deltaY: number): number {
  return Math.exp(-Math.max(-300, Math.min(300, deltaY)) * 0.0018)
}

/**
 * The view moved as little as possible so the world point (wx, wy) lies at least `margin` px inside
 * the viewport (centred on an axis where the viewport is too small for the margin). The zoom stays.
 */
export function keepInView(view: MapView, wx: number, wy: number, viewWidth: number, viewHeight: number, margin = 40): MapView {
  const axis = (offset: number, world: number, size: number): number => {
    const m = Math.min(margin, size / 2)
    const screen = world * view.scale + offset
    if (screen < m) return offset + (m - screen)
    if (screen > size - m) return offset - (screen - (size - m))
    return offset
  }
  const ox = axis(view.ox, wx, viewWidth)
  const oy = axis(view.oy, wy, viewHeight)
  return ox === view.ox && oy === view.oy ? view : { scale: view.scale, ox, oy }
}

/** True when the whole map is on screen. */
export function mapFits(view: MapView, mapWidth: number, mapHeight: number, viewWidth: number, viewHeight: number): boolean {
  const slack = 0.5
  return view.ox >= -slack && view.oy >= -slack && view.ox + mapWidth * view.scale <= viewWidth + slack && view.oy + mapHeight * view.scale <= viewHeight + slack
}

/** Two views the same to within a pixel's fraction (a remembered view against a fresh fit). */
export function sameView(a: MapView, b: MapView): boolean {
  return Math.abs(a.scale - b.scale) < 1e-6 && Math.abs(a.ox - b.ox) < 0.01 && Math.abs(a.oy - b.oy) < 0.01
}
