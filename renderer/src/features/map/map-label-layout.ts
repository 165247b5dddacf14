/**
 * Which names the map draws for a view: homes and workplaces wide enough on screen, and agents
 * once zoomed in past AGENT_LABEL_SCALE, only those on screen and at most MAX_AGENT_LABELS.
 * Apart from the drawing (map-labels.ts) so it is tested without a canvas.
 */
import type { TownMapDto } from '../../../../shared/contract/dto/observer'
import type { AgentLayout } from './agent-layout'
import type { MapView } from './map-view'

/** Pixels per tile from which agent names are drawn (a tile is then wide enough for a short id). */
export const AGENT_LABEL_SCALE = 18
/** Most agent names drawn in one frame; past it the rest (in row order) go unnamed. */
export const MAX_AGENT_LABELS = 300
/** Narrowest area (px on screen) that gets its name. */
export const AREA_LABEL_MIN_PX = 48

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
