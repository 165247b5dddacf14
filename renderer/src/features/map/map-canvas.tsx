/**
 * The canvas and its pointer handling. React renders this once; drawing is the MapRenderer's,
 * and the hover tooltip is written straight into its element, so moving the mouse or streaming
 * frames never re-renders a component. Drag pans, the wheel zooms around the cursor, a click
 * selects the nearest agent (or, while picking, takes the tile as the teleport target). The
 * tooltip goes when the pointer leaves, when a click selects, and whenever the canvas changes size
 * (the inspector opening moves everything under a pointer that did not move). The minimap in the
 * corner (shown while the town does not fit) pans the view to where it is clicked or dragged.
 */
import { useEffect, useRef } from 'react'
import type { PointerEvent as ReactPointerEvent, RefObject } from 'react'
import { useStores } from '../../app/session-context'
import { isFloor } from './agent-layout'
import { MapRenderer } from './map-renderer'
import { agentTooltip, objectTooltip } from './map-tooltip'
import { wheelFactor } from './map-view'

/** Movement (CSS px) after which a press is a drag, not a click. */
const DRAG_THRESHOLD = 4
/** How often the frame-rate readout refreshes. */
const FPS_REFRESH_MS = 250

interface Press {
  x: number
  y: number
  lastX: number
  lastY: number
  dragging: boolean
}

/** Hands its MapRenderer to `onReady` (null on unmount) and writes the frame rate into `fpsRef`. */
export function MapCanvas(props: { onReady: (renderer: MapRenderer | null) => void; fpsRef: RefObject<HTMLSpanElement | null> }) {
  const { onReady, fpsRef } = props
  const stores = useStores()
  const wrapRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const tooltipRef = useRef<HTMLDivElement>(null)
  const minimapRef = useRef<HTMLCanvasElement>(null)
  const rendererRef = useRef<MapRenderer | null>(null)
  const pressRef = useRef<Press | null>(null)

  useEffect(() => {
    const wrap = wrapRef.current
    const canvas = canvasRef.current
    if (!wrap || !canvas) return
    const renderer = new MapRenderer(canvas, stores.observerView, stores.ui, minimapRef.current)
    rendererRef.current = renderer
    const resize = () => {
      const rect = wrap.getBoundingClientRect()
      renderer.resize(rect.width, rect.height, window.devicePixelRatio || 1)
      // What the tooltip described is no longer under the pointer.
      renderer.setHover(null, null)
      hideTooltip()
    }
    const observer = new ResizeObserver(resize)
    observer.observe(wrap)
    resize()
    // Wheel listeners from React are passive; zooming must stop the page from scrolling.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault()
      const rect = canvas.getBoundingClientRect()
      renderer.zoomAt(wheelFactor(event.deltaY), event.clientX - rect.left, event.clientY - rect.top)
    }
    canvas.addEventListener('wheel', onWheel, { passive: false })
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && stores.ui.getState().picking) stores.ui.getState().cancelPicking()
    }
    window.addEventListener('keydown', onKey)
    // Frames drawn in the last second, into the readout without a React render.
    const showFps = () => {
      const el = fpsRef.current
      const text = String(renderer.fps.rate(performance.now()))
      if (el && el.textContent !== text) el.textContent = text
    }
    showFps()
    const fpsTimer = setInterval(showFps, FPS_REFRESH_MS)
    onReady(renderer)
    return () => {
      onReady(null)
      clearInterval(fpsTimer)
      window.removeEventListener('keydown', onKey)
      canvas.removeEventListener('wheel', onWheel)
      observer.disconnect()
      renderer.dispose()
      rendererRef.current = null
    }
  }, [stores, onReady, fpsRef])

  function point(event: ReactPointerEvent): [number, number] {
    const rect = event.currentTarget.getBoundingClientRect()
    return [event.clientX - rect.left, event.clientY - rect.top]
  }

  function hideTooltip(): void {
    const tip = tooltipRef.current
    if (tip) tip.hidden = true
  }

  function showTooltip(lines: string[] | null, sx: number, sy: number): void {
    const tip = tooltipRef.current
    if (!tip) return
    if (!lines) {
      tip.hidden = true
      return
    }
    tip.textContent = lines.join('\n')
    tip.style.transform = `translate(${Math.round(sx + 14)}px, ${Math.round(sy + 14)}px)`
    tip.hidden = false
  }

  function onPointerDown(event: ReactPointerEvent<HTMLCanvasElement>): void {
    if (event.button !== 0) return
    const [x, y] = point(event)
    pressRef.current = { x, y, lastX: x, lastY: y, dragging: false }
    event.currentTarget.setPointerCapture(event.pointerId)
  }

  function onPointerMove(event: ReactPointerEvent<HTMLCanvasElement>): void {
    const renderer = rendererRef.current
    if (!renderer) return
    const [x, y] = point(event)
    const press = pressRef.current
    if (press) {
      if (!press.dragging && Math.hypot(x - press.x, y - press.y) >= DRAG_THRESHOLD) {
        press.dragging = true
        // Panning away from a followed agent means the operator wants to look elsewhere.
        if (stores.ui.getState().followSelected) stores.ui.getState().setFollow(false)
        showTooltip(null, 0, 0)
      }
      if (press.dragging) {
        renderer.panBy(x - press.lastX, y - press.lastY)
        press.lastX = x
        press.lastY = y
        return
      }
    }
    const hit = renderer.hitTest(x, y)
    const picking = stores.ui.getState().picking
    renderer.setHover(hit.agent?.id ?? null, picking ? hit.tile : null)
    const lines = picking ? [`${stores.ui.getState().pickPurpose} to (${hit.tile.x}, ${hit.tile.y})`] : hit.agent ? agentTooltip(hit.agent) : hit.object ? objectTooltip(hit.object) : null
    showTooltip(lines, x, y)
  }

  function onPointerUp(event: ReactPointerEvent<HTMLCanvasElement>): void {
    const press = pressRef.current
    pressRef.current = null
    const renderer = rendererRef.current
    if (!press || press.dragging || !renderer) return
    const [x, y] = point(event)
    const hit = renderer.hitTest(x, y)
    const ui = stores.ui.getState()
    if (ui.picking) {
      const rows = stores.observerView.getState().map?.rows ?? []
      if (isFloor(rows, hit.tile.x, hit.tile.y)) ui.pickTile(hit.tile.x, hit.tile.y)
      return
    }
    if (hit.agent) {
      hideTooltip()
      ui.select(hit.agent.id)
    }
  }

  function onMinimapPointer(event: ReactPointerEvent<HTMLCanvasElement>): void {
    if (event.type === 'pointermove' && (event.buttons & 1) === 0) return
    if (event.type === 'pointerdown') event.currentTarget.setPointerCapture(event.pointerId)
    const [x, y] = point(event)
    if (stores.ui.getState().followSelected) stores.ui.getState().setFollow(false)
    rendererRef.current?.panToMinimap(x, y)
  }

  function onPointerLeave(): void {
    rendererRef.current?.setHover(null, null)
    showTooltip(null, 0, 0)
  }

  return (
    <div className="map-wrap" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        className="map-canvas"
        data-testid="map-canvas"
        aria-label="Town map: drag to pan, wheel to zoom, click an agent to select it"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (pressRef.current = null)}
        onPointerLeave={onPointerLeave}
      />
      <div className="map-tooltip mono" ref={tooltipRef} data-testid="map-tooltip" hidden />
      <canvas
        ref={minimapRef}
        className="map-minimap"
        data-testid="map-minimap"
        aria-label="Overview of the whole town: click or drag to look there"
        title="The whole town: where people are, and the part shown (click to look elsewhere)"
        hidden
        onPointerDown={onMinimapPointer}
        onPointerMove={onMinimapPointer}
      />
    </div>
  )
}
