/**
 * Names on the map: each home and workplace labelled in its corner once it is wide enough on
 * screen to hold the name, and each agent's id under its dot once zoomed in past
 * AGENT_LABEL_SCALE. Text is drawn in screen pixels after the tiles (so it stays sharp at any
 * zoom) and only for what is on screen; the caps keep a frame cheap even at 1,000 agents.
 */
import type { AgentLayout } from './agent-layout'
import type { AreaLabel } from './map-label-layout'
import { dotRadius } from './map-metrics'
import type { MapView } from './map-view'

export const LABEL_COLORS = {
  home: '#8ec2ff',
  workplace: '#f0c878',
  agent: '#d5dbe3',
  halo: 'rgba(14, 17, 22, 0.85)'
} as const

/** Draws the area names (before the objects, so a glyph is never hidden by a name). */
export function drawAreaLabels(ctx: CanvasRenderingContext2D, labels: readonly AreaLabel[]): void {
  if (labels.length === 0) return
  ctx.font = '600 10px system-ui, sans-serif'
  ctx.textAlign = 'left'
  ctx.textBaseline = 'top'
  ctx.lineWidth = 3
  ctx.strokeStyle = LABEL_COLORS.halo
  for (const l of labels) {
    ctx.fillStyle = l.kind === 'home' ? LABEL_COLORS.home : LABEL_COLORS.workplace
    ctx.strokeText(l.id, l.sx, l.sy)
    ctx.fillText(l.id, l.sx, l.sy)
  }
}

/** Draws each chosen agent's id centred under its dot, on a dark halo. */
export function drawAgentLabels(ctx: CanvasRenderingContext2D, layout: AgentLayout, view: MapView, indices: readonly number[]): void {
  if (indices.length === 0) return
  const below = dotRadius(view.scale) + 2
  ctx.font = '10px ui-monospace, monospace'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  ctx.lineWidth = 3
  ctx.strokeStyle = LABEL_COLORS.halo
  ctx.fillStyle = LABEL_COLORS.agent
  for (const i of indices) {
    const sx = layout.xs[i]! * view.scale + view.ox
    const sy = layout.ys[i]! * view.scale + view.oy + below
    const id = layout.rows[i]!.id
    ctx.strokeText(id, sx, sy)
    ctx.fillText(id, sx, sy)
  }
}
