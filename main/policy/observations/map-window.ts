/**
 * One agent's map tensor: a window × window crop centred on the agent, channel-major then
 * row-major ([channel][dy + r][dx + r]). Cells outside the town stay 0. While filling it, the
 * local summary the features use is counted over the same window (reference §6.2): other agents,
 * objects, reserved tiles and the squared distance to the nearest other agent.
 */
import type { ObservationVariant } from '../../../shared/contract/dto/policy'
import type { TileIndex } from './tile-index'

export interface WindowLayout {
  variant: ObservationVariant
  window: number
  radius: number
  /** window². */
  area: number
  /** Object-type channels (compact). */
  types: number
  /** Compact: clamp per-tile counts to 1. */
  normalize: boolean
  /** Full: the static path_dx, path_dy field (2 × area), copied in after the four hybrid channels. */
  pathField: Float32Array | null
}

/** Indexes into the summary array fillWindow writes. */
export const SUM_OTHERS = 0
export const SUM_OBJECTS = 1
export const SUM_RESERVED = 2
/** Squared distance to the nearest other agent; Infinity when none is in the window. */
export const SUM_NEAREST_D2 = 3

export function windowLayout(variant: ObservationVariant, window: number, types: number, normalize: boolean): WindowLayout {
  const radius = (window - 1) / 2
  const area = window * window
  return { variant, window, radius, area, types, normalize, pathField: variant === 'full' ? pathField(window) : null }
}

/** dx/‖(dx, dy)‖ and dy/‖(dx, dy)‖ for every cell but the centre (0 there): the world plays no part. */
function pathField(window: number): Float32Array {
  const r = (window - 1) / 2
  const area = window * window
  const field = new Float32Array(2 * area)
  for (let dy = -r; dy <= r; dy++) {
    for (let dx = -r; dx <= r; dx++) {
      if (dx === 0 && dy === 0) continue
      const n = Math.hypot(dx, dy)
      const cell = (dy + r) * window + (dx + r)
      field[cell] = dx / n
      field[area + cell] = dy / n
    }
  }
  return field
}

/**
 * Writes the agent's window at out[base … base + channels × area) (zeroed first) and its local
 * summary into `summary`.
 * @param blocked 1 on wall and object tiles (the world's blocked mask), for compact's `walkable`
 */
export function fillWindow(layout: WindowLayout, ti: TileIndex, blocked: Uint8Array, ax: number, ay: number, out: Float32Array, base: number, summary: Float64Array): void {
  const { window: w, radius: r, area, types } = layout
  const compact = layout.variant === 'compact'
  const channels = compact ? 5 + types : layout.pathField ? 6 : 4
  out.fill(0, base, base + channels * area)
  if (layout.pathField) out.set(layout.pathField, base + 4 * area)
  out[base + r * w + r] = 1
  const { width, height, agents, objects, reserved, typeCount } = ti
  // −1 (no tile) for an agent off the grid, so no in-grid tile is mistaken for its own.
  const own = ax >= 0 && ay >= 0 && ax < width && ay < height ? ay * width + ax : -1
  const agentsAt = base + area
  const objectsAt = base + 2 * area
  const reservedAt = base + 3 * area
  const typesAt = base + 4 * area
  const walkableAt = base + (4 + types) * area
  const normalize = layout.normalize
  let others = 0
  let objectTotal = 0
  let reservedTotal = 0
  let nearest = Infinity
  const x0 = Math.max(0, ax - r)
  const x1 = Math.min(width - 1, ax + r)
  for (let dy = -r; dy <= r; dy++) {
    const y = ay + dy
    if (y < 0 || y >= height) continue
    const rowCell = (dy + r) * w + r - ax
    const rowTile = y * width
    for (let x = x0; x <= x1; x++) {
      const t = rowTile + x
      const cell = rowCell + x
      const c = t === own ? agents[t]! - 1 : agents[t]!
      const objs = objects[t]!
      const res = reserved[t]!
      if (c > 0) {
        others += c
        const dx = x - ax
        const d2 = dx * dx + dy * dy
        if (d2 < nearest) nearest = d2
        out[agentsAt + cell] = compact && !normalize ? c : 1
      }
      if (objs > 0) {
        objectTotal += objs
        out[objectsAt + cell] = compact && !normalize ? objs : 1
        if (compact) {
          for (let k = 0; k < types; k++) {
            const n = typeCount[t * types + k]!
            if (n > 0) out[typesAt + k * area + cell] = normalize ? 1 : n
          }
        }
      }
      if (res !== 0) {
        reservedTotal++
        out[reservedAt + cell] = 1
      }
      if (compact && t !== own && c <= 0 && blocked[t] === 0 && objs === 0 && res === 0) out[walkableAt + cell] = 1
    }
  }
  summary[SUM_OTHERS] = others
  summary[SUM_OBJECTS] = objectTotal
  summary[SUM_RESERVED] = reservedTotal
  summary[SUM_NEAREST_D2] = nearest
}
