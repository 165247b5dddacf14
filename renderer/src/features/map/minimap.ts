/**
 * The overview in the map's corner, shown only while the town does not fit the canvas: the tile
 * layer shrunk, where the agents are as a density grid, and the rectangle the canvas shows. The
 * tiles and the density are composed into an offscreen image at most every DENSITY_REFRESH_MS
 * (counting 1,000 agents into a grid is cheap, drawing it thirty times a second is not needed);
 * each map frame only copies that image and strokes the viewport rectangle.
 */
import type { AgentLayout } from './agent-layout'
import type { MapView } from './map-view'
import type { StaticLayer } from './static-layer'
import { formatFixed } from '../../components/format'
import { DENSITY_CELL_PX, DENSITY_REFRESH_MS, densityGrid, minimapSize, viewportRect } from './minimap-geometry'

const MINIMAP_COLORS = { density: '78, 161, 255', viewport: '#ffffff', frame: '#0e1116' } as const

export interface MinimapInput {
  layer: StaticLayer | null
  layout: AgentLayout
  view: MapView
  width: number
  height: number
  visible: boolean
}

/** The tile layer drawn once at the minimap's backing size. */
function shrink(layer: StaticLayer, width: number, height: number): HTMLCanvasElement | null {
  const out = document.createElement('canvas')
  out.width = width
  out.height = height
  const ctx = out.getContext('2d')
  if (!ctx) return null
  ctx.imageSmoothingEnabled = true
  ctx.drawImage(layer.canvas, 0, 0, width, height)
  return out
}

/** Draws into its canvas (hidden while the town fits); `toWorld` turns a click on it into tiles. */
export class Minimap {
  private base: HTMLCanvasElement | null = null
  /** The tile layer shrunk to the minimap once per map: shrinking a 4,096 px layer is the dear part. */
  private tiles: HTMLCanvasElement | null = null
  private baseAt = Number.NEGATIVE_INFINITY
  private baseOf: { layer: StaticLayer | null; dpr: number } = { layer: null, dpr: 0 }
  private k = 1
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly canvas: HTMLCanvasElement,
    /** Asks for another map frame (to catch up on a density refresh skipped by the throttle). */
    private readonly requestFrame: () => void
  ) {}

  /** Shows or hides the minimap and draws it; `now` in ms (performance.now()). */
  update(input: MinimapInput, now: number, dpr: number): void {
    const { layer } = input
    const show = input.visible && layer !== null
    if (this.canvas.hidden === show) this.canvas.hidden = !show
    if (!show) return
    const { map } = layer
    const size = minimapSize(map.width, map.height)
    this.k = size.width / Math.max(1, map.width)
    if (this.canvas.width !== Math.round(size.width * dpr)) {
      this.canvas.width = Math.round(size.width * dpr)
      this.canvas.height = Math.round(size.height * dpr)
      this.canvas.style.width = `${size.width}px`
      this.canvas.style.height = `${size.height}px`
    }
    const stale = this.baseOf.layer !== layer || this.baseOf.dpr !== dpr
    if (stale) this.tiles = shrink(layer, this.canvas.width, this.canvas.height)
    if (stale || now - this.baseAt >= DENSITY_REFRESH_MS) {
      this.rebuildBase(input, size, dpr)
      this.baseAt = now
      this.baseOf = { layer, dpr }
    } else if (this.timer === null) {
      // The agents moved since the last refresh: draw once more when it is due.
      this.timer = setTimeout(() => {
        this.timer = null
        this.requestFrame()
      }, DENSITY_REFRESH_MS - (now - this.baseAt))
    }
    const ctx = this.canvas.getContext('2d')
    if (!ctx || !this.base) return
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.drawImage(this.base, 0, 0)
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    const r = viewportRect(input.view, input.width, input.height, this.k, size)
    ctx.strokeStyle = MINIMAP_COLORS.viewport
    ctx.lineWidth = 1.5
    ctx.strokeRect(r.x + 0.75, r.y + 0.75, r.w - 1.5, r.h - 1.5)
    this.canvas.dataset.viewport = `${Math.round(r.x)} ${Math.round(r.y)} ${Math.round(r.w)} ${Math.round(r.h)}`
  }

  /** A point on the minimap (CSS px) in world tiles. */
  toWorld(mx: number, my: number): [number, number] {
    return [mx / this.k, my / this.k]
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private rebuildBase(input: MinimapInput, size: { width: number; height: number }, dpr: number): void {
    const layer = input.layer!
    const base = this.base ?? (this.base = document.createElement('canvas'))
    base.width = this.canvas.width
    base.height = this.canvas.height
    const ctx = base.getContext('2d')
    if (!ctx) return
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.fillStyle = MINIMAP_COLORS.frame
    ctx.fillRect(0, 0, base.width, base.height)
    if (this.tiles) {
      ctx.globalAlpha = 0.7
      ctx.drawImage(this.tiles, 0, 0)
      ctx.globalAlpha = 1
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
    const cols = Math.max(1, Math.ceil(size.width / DENSITY_CELL_PX))
    const rows = Math.max(1, Math.ceil(size.height / DENSITY_CELL_PX))
    const grid = densityGrid(input.layout, layer.map.width, layer.map.height, cols, rows)
    const cw = size.width / cols
    const ch = size.height / rows
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const n = grid.counts[r * cols + c]!
        if (n === 0) continue
        // Square root: one person in a cell still shows beside a crowded kitchen.
        ctx.fillStyle = `rgba(${MINIMAP_COLORS.density}, ${formatFixed(0.35 + 0.65 * Math.sqrt(n / grid.max), 3)})`
        ctx.fillRect(c * cw, r * ch, Math.ceil(cw), Math.ceil(ch))
      }
    }
  }
}
