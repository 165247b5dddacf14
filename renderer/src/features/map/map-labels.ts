/**
 * Names on the map: each home and workplace labelled in its corner once it is wide enough on
 * screen to hold the name, and each agent's id under its dot once zoomed in past
 * AGENT_LABEL_SCALE. Text is drawn in screen pixels after the tiles (so it stays sharp at any
 * zoom) and only for what is on screen; the caps keep a frame cheap even at 1,000 agents.
 */
import type { TownMapDto } from '../../../../shared/contract/dto/observer'
import type { AgentLayout } from './agent-layout'
import { dotRadius } from './map-metrics'
import type { MapView } from './map-view'

/** Pixels per tile from which agent names are drawn (a tile is then wide enough for a short id). */
export const AGENT_LABEL_SCALE = 18
/** Most agent names drawn in one frame; past it the rest (in row order) go unnamed. */
export const MAX_AGENT_LABELS = 300
/** Narrowest area (px on screen) that gets its name. */
export const AREA_LABEL_MIN_PX = 48

export const LABEL_COLORS = {
  home: '#8ec2ff',
  workplace: '#f0c878',
  agent: '#d5dbe3',
  halo: 'rgba(14, 17, 22, 0.85)'
} as const

export interface AreaLabel {
  id: string
  kind: 'home' | 'workplace'
  /** Screen position of the label's top-left corner. */
  sx: number
  sy: number
}

/** The home and workplace names to draw for this view: areas on screen and wide enough. */
export function areaLabels(map: TownMapDto, view: MapView, width: number, height: number): AreaLabel[] {
  const out: AreaLabel[] = []
  const add = (areas: TownMapDto['homes'], kind: AreaLabel['kind']) => {
    for (const a of areas) {
      const w = a.w * view.scale
      if (w < AREA_LABEL_MIN_PX) continue
      const sx = a.x * view.scale + view.ox
      const sy = a.y * view.scale + view.oy
      if (sx > width || sy > height || sx + w < 0 || sy + a.h * view.scale < 0) continue
      out.push({ id: a.id, kind, sx: sx + 3, sy: sy + 2 })
    }
  }
  add(map.homes, 'home')
  add(map.workplaces, 'workplace')
  return out
}

/** Indices of the agents whose names to draw: none below the zoom threshold, else those on screen (capped). */
export function agentLabelIndices(layout: AgentLayout, view: MapView, width: number, height: number, max = MAX_AGENT_LABELS): number[] {
  if (view.scale < AGENT_LABEL_SCALE) return []
  const out: number[] = []
  for (let i = 0; i < layout.rows.length && out.length < max; i++) {
    const sx = layout.xs[i]! * view.scale + view.ox
    const sy = layout.ys[i]! * view.scale + view.oy
    if (sx >= -40 && sy >= -20 && sx <= width + 40 && sy <= height + 20) out.push(i)
  }
  return out
}

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
