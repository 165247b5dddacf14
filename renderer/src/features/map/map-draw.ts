/**
 * One frame of the map: the static tile layer and the names of homes and workplaces, then objects
 * (glyph, occupancy ring, queue badge), then agents in a handful of batched paths (one per
 * colour) and, zoomed in, their names, then the marks for the selected and hovered agent and the
 * tile being picked. Only what is on screen is drawn.
 */
import type { ObjectRow } from '../../../../shared/contract/dto/observer'
import type { AgentLayout } from './agent-layout'
import type { ColorBatch } from './color-batches'
import { MARK_COLORS, objectStyle, TILE_COLORS } from './map-colors'
import { agentLabelIndices, areaLabels } from './map-label-layout'
import { drawAgentLabels, drawAreaLabels } from './map-labels'
import { dotRadius } from './map-metrics'
import type { MapView } from './map-view'
import type { StaticLayer } from './static-layer'

export interface Scene {
  width: number
  height: number
  view: MapView
  layer: StaticLayer | null
  objects: Iterable<ObjectRow>
  layout: AgentLayout
  batches: readonly ColorBatch[]
  selected: number
  hovered: number
  /** The tile under the cursor while picking a teleport target. */
  pickTile: { x: number; y: number } | null
}

/** Draws one frame; the context is already scaled to CSS pixels. */
export function drawScene(ctx: CanvasRenderingContext2D, scene: Scene): void {
  const { width, height, view } = scene
  ctx.fillStyle = TILE_COLORS.background
  ctx.fillRect(0, 0, width, height)
  if (scene.layer) {
    const { map, canvas } = scene.layer
    ctx.imageSmoothingEnabled = false
    ctx.drawImage(canvas, view.ox, view.oy, map.width * view.scale, map.height * view.scale)
    drawAreaLabels(ctx, areaLabels(map, view, width, height))
  }
  drawObjects(ctx, scene)
  drawAgents(ctx, scene)
  drawAgentLabels(ctx, scene.layout, view, agentLabelIndices(scene.layout, view, width, height))
  drawMarks(ctx, scene)
}

function visible(scene: Scene, sx: number, sy: number, margin: number): boolean {
  return sx >= -margin && sy >= -margin && sx <= scene.width + margin && sy <= scene.height + margin
}

function drawObjects(ctx: CanvasRenderingContext2D, scene: Scene): void {
  const { view } = scene
  const s = view.scale
  const size = Math.max(1, s * 0.8)
  const fontPx = Math.floor(s * 0.55)
  const glyphFont = `600 ${fontPx}px ui-monospace, monospace`
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  for (const o of scene.objects) {
    const cx = (o.x + 0.5) * s + view.ox
    const cy = (o.y + 0.5) * s + view.oy
    if (!visible(scene, cx, cy, s)) continue
    const style = objectStyle(o.type)
    ctx.globalAlpha = fontPx >= 7 ? 0.28 : 0.85
    ctx.fillStyle = style.color
    ctx.fillRect(cx - size / 2, cy - size / 2, size, size)
    ctx.globalAlpha = 1
    if (fontPx >= 7) {
      // Set per object: a queue badge drawn before changes the font.
      ctx.font = glyphFont
      ctx.fillText(style.glyph, cx, cy + 0.5)
    }
    if (o.holder !== null && s >= 3) {
      ctx.strokeStyle = MARK_COLORS.held
      ctx.lineWidth = Math.max(1, s * 0.07)
      ctx.beginPath()
      ctx.arc(cx, cy, s * 0.5, 0, Math.PI * 2)
      ctx.stroke()
    }
    if (o.queue.length > 0 && s >= 8) drawBadge(ctx, cx + s * 0.42, cy - s * 0.42, o.queue.length, s)
  }
}

function drawBadge(ctx: CanvasRenderingContext2D, x: number, y: number, count: number, s: number): void {
  const r = Math.max(5, s * 0.2)
  ctx.fillStyle = MARK_COLORS.badge
  ctx.beginPath()
  ctx.arc(x, y, r, 0, Math.PI * 2)
  ctx.fill()
  ctx.fillStyle = MARK_COLORS.badgeText
  ctx.font = `700 ${Math.floor(r * 1.3)}px ui-monospace, monospace`
  ctx.fillText(count > 9 ? '9+' : String(count), x, y + 0.5)
}

function drawAgents(ctx: CanvasRenderingContext2D, scene: Scene): void {
  const { view, layout } = scene
  const r = dotRadius(view.scale)
  const small = r < 2
  for (const batch of scene.batches) {
    ctx.fillStyle = batch.color
    if (!small) ctx.beginPath()
    for (const i of batch.indices) {
      const sx = layout.xs[i]! * view.scale + view.ox
      const sy = layout.ys[i]! * view.scale + view.oy
      if (!visible(scene, sx, sy, r)) continue
      if (small) {
        ctx.fillRect(sx - r, sy - r, r * 2, r * 2)
      } else {
        ctx.moveTo(sx + r, sy)
        ctx.arc(sx, sy, r, 0, Math.PI * 2)
      }
    }
    if (!small) ctx.fill()
  }
}

function ring(ctx: CanvasRenderingContext2D, scene: Scene, index: number, color: string, extra: number): void {
  if (index < 0) return
  const { view, layout } = scene
  const sx = layout.xs[index]! * view.scale + view.ox
  const sy = layout.ys[index]! * view.scale + view.oy
  ctx.strokeStyle = color
  ctx.lineWidth = 2
  ctx.beginPath()
  ctx.arc(sx, sy, dotRadius(view.scale) + extra, 0, Math.PI * 2)
  ctx.stroke()
}

function drawMarks(ctx: CanvasRenderingContext2D, scene: Scene): void {
  if (scene.hovered !== scene.selected) ring(ctx, scene, scene.hovered, MARK_COLORS.hover, 2.5)
  ring(ctx, scene, scene.selected, MARK_COLORS.selected, 3.5)
  if (scene.pickTile) {
    const { view } = scene
    ctx.strokeStyle = MARK_COLORS.pick
    ctx.lineWidth = 2
    ctx.strokeRect(scene.pickTile.x * view.scale + view.ox, scene.pickTile.y * view.scale + view.oy, view.scale, view.scale)
  }
}
