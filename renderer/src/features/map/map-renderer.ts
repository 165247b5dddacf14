/**
 * Draws the town on a canvas outside React. It subscribes to the stores itself and schedules one
 * requestAnimationFrame draw when the data, the selection or the view changed; nothing happens
 * while the town is still. Derived data (tile layer, dot positions, colour batches) is rebuilt
 * only when its inputs change, so a frame is a drawImage plus a few batched paths.
 *
 * The selection stays in view: a view that shows the whole town is refitted when the canvas
 * changes size (the inspector opening narrows it), any other keeps its centre; either way, after
 * a resize or a new selection the selected agent is panned back inside the canvas if it fell out.
 */
import type { StoreApi } from 'zustand/vanilla'
import type { AgentRow, ObjectRow, TownMapDto } from '../../../../shared/contract/dto/observer'
import type { ObserverStore } from '../../stores/observer-store'
import type { ColorBy, UiStore } from '../../stores/ui-store'
import { indexOfAgent, layoutAgents, nearestAgent, objectAt } from './agent-layout'
import type { AgentLayout } from './agent-layout'
import { colorBatches } from './color-batches'
import type { ColorBatch } from './color-batches'
import { FpsCounter } from './fps-counter'
import type { MapControls } from './map-controls'
import { drawScene } from './map-draw'
import { HIT_RADIUS_PX } from './map-metrics'
import { centerOn, fitView, keepInView, mapFits, panBy, sameView, tileAt, zoomAt } from './map-view'
import type { MapView } from './map-view'
import { Minimap } from './minimap'
import { buildStaticLayer } from './static-layer'
import type { StaticLayer } from './static-layer'

export interface MapHit {
  agent: AgentRow | null
  object: ObjectRow | null
  tile: { x: number; y: number }
}

/** Names a town's layout for remembering its view: config and size. */
export function mapKey(configId: string | null, map: TownMapDto): string {
  return `${configId ?? ''}:${map.width}x${map.height}`
}

/** One per mounted canvas; `dispose` unsubscribes and remembers the view. */
export class MapRenderer implements MapControls {
  readonly fps = new FpsCounter()
  private view: MapView = { scale: 8, ox: 0, oy: 0 }
  private fitted = false
  /** The view is a fit the operator has not moved since: refit, rather than keep the centre, on resize. */
  private autoFit = false
  /** Pan the selected agent into view at the next draw (after a new selection or a resize). */
  private revealSelected = false
  private readonly minimap: Minimap | null
  private width = 0
  private height = 0
  private dpr = 1
  private frame: number | null = null
  private layer: StaticLayer | null = null
  private layout: AgentLayout = layoutAgents([], 1)
  private layoutOf: { agents: ReadonlyMap<string, AgentRow> | null; map: TownMapDto | null } = { agents: null, map: null }
  private batches: ColorBatch[] = []
  private batchesOf: { layout: AgentLayout | null; colorBy: ColorBy | null } = { layout: null, colorBy: null }
  private hoveredId: string | null = null
  private hoverTile: { x: number; y: number } | null = null
  private readonly unsubscribe: Array<() => void>

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly observer: StoreApi<ObserverStore>,
    private readonly ui: StoreApi<UiStore>,
    minimapCanvas: HTMLCanvasElement | null = null
  ) {
    this.minimap = minimapCanvas ? new Minimap(minimapCanvas, () => this.invalidate()) : null
    this.unsubscribe = [
      observer.subscribe((s, prev) => {
        if (s.agents !== prev.agents || s.objects !== prev.objects || s.map !== prev.map) this.invalidate()
      }),
      ui.subscribe((s, prev) => {
        if (s.selectedAgentId !== prev.selectedAgentId) this.revealSelected = true
        if (s.selectedAgentId !== prev.selectedAgentId || s.colorBy !== prev.colorBy || s.followSelected !== prev.followSelected || s.picking !== prev.picking) {
          this.invalidate()
        }
      })
    ]
  }

  /** The canvas's CSS size and the device pixel ratio (for a sharp backing store). */
  resize(width: number, height: number, dpr: number): void {
    const map = this.observer.getState().map
    if (this.width > 0 && this.height > 0) {
      // A fit stays a fit; any other view keeps what was at the centre there.
      this.view = this.autoFit && map ? fitView(map.width, map.height, width, height) : panBy(this.view, (width - this.width) / 2, (height - this.height) / 2)
    }
    this.width = width
    this.height = height
    this.revealSelected = true
    this.dpr = dpr
    this.canvas.width = Math.max(1, Math.round(width * dpr))
    this.canvas.height = Math.max(1, Math.round(height * dpr))
    this.invalidate()
  }

  zoomAt(factor: number, sx: number, sy: number): void {
    this.autoFit = false
    this.setView(zoomAt(this.view, factor, sx, sy))
  }

  /** Zooms around the viewport's centre (the toolbar's buttons). */
  zoomCenter(factor: number): void {
    this.zoomAt(factor, this.width / 2, this.height / 2)
  }

  panBy(dx: number, dy: number): void {
    this.autoFit = false
    this.setView(panBy(this.view, dx, dy))
  }

  /** Centres the view on a point of the minimap (CSS px); false when there is no minimap shown. */
  panToMinimap(mx: number, my: number): boolean {
    if (!this.minimap) return false
    const [wx, wy] = this.minimap.toWorld(mx, my)
    this.autoFit = false
    this.setView(centerOn(this.view, wx, wy, this.width, this.height))
    return true
  }

  /** Shows the whole town. */
  fit(): void {
    if (this.fitNow()) this.invalidate()
  }

  /** What is under a point of the canvas (CSS px): the nearest dot within reach, the object on the tile. */
  hitTest(sx: number, sy: number): MapHit {
    this.refreshLayout()
    const index = nearestAgent(this.layout, this.view, sx, sy, HIT_RADIUS_PX)
    const tile = tileAt(this.view, sx, sy)
    const agent = index >= 0 ? (this.layout.rows[index] ?? null) : null
    const object = agent ? null : objectAt(this.observer.getState().objects.values(), tile.x, tile.y)
    return { agent, object, tile }
  }

  /** The agent under the cursor (ringed) and, while picking, the tile under it. */
  setHover(agentId: string | null, tile: { x: number; y: number } | null): void {
    const sameTile = tile?.x === this.hoverTile?.x && tile?.y === this.hoverTile?.y
    if (agentId === this.hoveredId && sameTile) return
    this.hoveredId = agentId
    this.hoverTile = tile
    this.invalidate()
  }

  /** Asks for a draw at the next animation frame (once, however often it is called). */
  invalidate(): void {
    if (this.frame === null) this.frame = requestAnimationFrame(() => this.draw())
  }

  dispose(): void {
    for (const off of this.unsubscribe) off()
    this.minimap?.dispose()
    if (this.frame !== null) cancelAnimationFrame(this.frame)
    this.frame = null
    const map = this.observer.getState().map
    if (map && this.fitted) this.ui.getState().setMapView({ view: this.view, mapKey: mapKey(this.observer.getState().configId, map), fit: this.autoFit })
  }

  private fitNow(): boolean {
    const map = this.observer.getState().map
    if (!map || this.width === 0) return false
    this.fitted = true
    this.autoFit = true
    this.view = fitView(map.width, map.height, this.width, this.height)
    return true
  }

  private setView(view: MapView): void {
    this.view = view
    this.invalidate()
  }

  private refreshLayout(): void {
    const { agents, map } = this.observer.getState()
    if (this.layoutOf.agents === agents && this.layoutOf.map === map) return
    this.layout = layoutAgents(agents.values(), map?.width ?? 1)
    this.layoutOf = { agents, map }
  }

  private refreshStatic(): void {
    const { map, configId } = this.observer.getState()
    if (!map || this.layer?.map === map) return
    this.layer = buildStaticLayer(map)
    // A remembered view for this same town wins; any other town starts fitted.
    const saved = this.ui.getState().mapView
    // A remembered fit is a fit of today's canvas (the inspector may have narrowed it since).
    if (!this.fitted && saved && saved.mapKey === mapKey(configId, map) && saved.fit !== true) {
      this.view = saved.view
      this.fitted = true
      this.autoFit = sameView(saved.view, fitView(map.width, map.height, this.width, this.height))
    } else {
      this.fitNow()
    }
  }

  private draw(): void {
    this.frame = null
    const ctx = this.canvas.getContext('2d')
    if (!ctx || this.width === 0 || this.height === 0) return
    this.refreshStatic()
    this.refreshLayout()
    const ui = this.ui.getState()
    if (this.batchesOf.layout !== this.layout || this.batchesOf.colorBy !== ui.colorBy) {
      this.batches = colorBatches(this.layout, ui.colorBy)
      this.batchesOf = { layout: this.layout, colorBy: ui.colorBy }
    }
    const selected = indexOfAgent(this.layout, ui.selectedAgentId)
    if (ui.followSelected && selected >= 0) {
      this.view = centerOn(this.view, this.layout.xs[selected]!, this.layout.ys[selected]!, this.width, this.height)
      this.autoFit = false
    } else if (this.revealSelected && selected >= 0) {
      const kept = keepInView(this.view, this.layout.xs[selected]!, this.layout.ys[selected]!, this.width, this.height)
      if (kept !== this.view) this.autoFit = false
      this.view = kept
    }
    if (selected >= 0 || ui.selectedAgentId === null) this.revealSelected = false
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0)
    // The view as drawn, for tools that need to point at a tile (the e2e tests click agents).
    this.canvas.dataset.view = `${this.view.scale} ${this.view.ox} ${this.view.oy}`
    drawScene(ctx, {
      width: this.width,
      height: this.height,
      view: this.view,
      layer: this.layer,
      objects: this.observer.getState().objects.values(),
      layout: this.layout,
      batches: this.batches,
      selected,
      hovered: indexOfAgent(this.layout, this.hoveredId),
      pickTile: ui.picking ? this.hoverTile : null
    })
    const map = this.layer?.map
    const now = performance.now()
    this.minimap?.update(
      { layer: this.layer, layout: this.layout, view: this.view, width: this.width, height: this.height, visible: map !== undefined && !mapFits(this.view, map.width, map.height, this.width, this.height) },
      now,
      this.dpr
    )
    this.fps.record(now)
  }
}
