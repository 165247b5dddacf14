/**
 * Where each agent is drawn, computed once per data change and shared by drawing and hit-testing.
 * A tile holds up to a few people, so agents on the same tile spread to the corners of a small
 * square around its centre instead of hiding behind each other.
 */
import type { AgentRow, ObjectRow } from '../../../../shared/contract/dto/observer'
import type { MapView } from './map-view'

export interface AgentLayout {
  rows: AgentRow[]
  /** Row index by agent id. */
  index: ReadonlyMap<string, number>
  /** World coordinates of each row's dot (tile units; a tile's centre is x + 0.5). */
  xs: Float32Array
  ys: Float32Array
}

/** Offsets within a tile for the 1st…4th agent on it; a 5th and later reuse them. */
const SPREAD = 0.22
const OFFSETS: ReadonlyArray<readonly [number, number]> = [
  [-SPREAD, -SPREAD],
  [SPREAD, SPREAD],
  [SPREAD, -SPREAD],
  [-SPREAD, SPREAD]
]

/** Dot positions for the agents, in the order given. */
export function layoutAgents(agents: Iterable<AgentRow>, mapWidth: number): AgentLayout {
  const rows = [...agents]
  const perTile = new Map<number, number>()
  for (const a of rows) {
    const key = a.y * mapWidth + a.x
    perTile.set(key, (perTile.get(key) ?? 0) + 1)
  }
  const index = new Map<string, number>()
  const seen = new Map<number, number>()
  const xs = new Float32Array(rows.length)
  const ys = new Float32Array(rows.length)
  rows.forEach((a, i) => {
    index.set(a.id, i)
    const key = a.y * mapWidth + a.x
    const nth = seen.get(key) ?? 0
    seen.set(key, nth + 1)
    const [dx, dy] = (perTile.get(key) ?? 1) > 1 ? OFFSETS[nth % OFFSETS.length]! : [0, 0]
    xs[i] = a.x + 0.5 + dx
    ys[i] = a.y + 0.5 + dy
  })
  return { rows, index, xs, ys }
}

/** The index of the agent whose dot is nearest the screen point, within `maxPx`; -1 when none. */
export function nearestAgent(layout: AgentLayout, view: MapView, sx: number, sy: number, maxPx: number): number {
  let best = -1
  let bestD2 = maxPx * maxPx
  for (let i = 0; i < layout.rows.length; i++) {
    const dx = layout.xs[i]! * view.scale + view.ox - sx
    const dy = layout.ys[i]! * view.scale + view.oy - sy
    const d2 = dx * dx + dy * dy
    if (d2 <= bestD2) {
      best = i
      bestD2 = d2
    }
  }
  return best
}

/** The index of the agent with this id; -1 when it is not in the layout. */
export function indexOfAgent(layout: AgentLayout, id: string | null): number {
  return id === null ? -1 : (layout.index.get(id) ?? -1)
}

/** The object standing on the tile, if any. */
export function objectAt(objects: Iterable<ObjectRow>, x: number, y: number): ObjectRow | null {
  for (const o of objects) if (o.x === x && o.y === y) return o
  return null
}

/** True when the tile is inside the map and floor ('.'). */
export function isFloor(rows: readonly string[], x: number, y: number): boolean {
  return y >= 0 && y < rows.length && x >= 0 && rows[y]?.[x] === '.'
}
