/**
 * Where an imported agent stands. The original had no grid (positions were unbounded integer
 * pairs; several agents could share a tile), ours has walls, objects and a tile capacity, so a
 * legacy position is kept when it is an open tile of the town with room, and otherwise the agent
 * goes to the nearest such tile, searched in square rings around the position clamped into the
 * map (a fixed order, so the import is deterministic). "Of the town" means reachable: a floor
 * pocket walled off from every object would strand the agent.
 */
import type { World } from '../../sim/state/world'

/** Rings searched around a position before giving up (the caller falls back to the home tile). */
const MAX_RING = 64

export type PlaceOutcome = 'kept' | 'outside' | 'blocked' | 'cut_off' | 'full'

/** 1 for every open tile connected (4-neighbour) to an object's use tile: the town agents can live in. */
export function reachableTiles(world: World): Uint8Array {
  const { map, blocked } = world.params
  const { width, height } = map
  const reach = new Uint8Array(width * height)
  const stack: number[] = []
  for (const tiles of world.state.objects.useTiles) {
    for (const t of tiles) {
      if (reach[t] === 1) continue
      reach[t] = 1
      stack.push(t)
    }
  }
  // A town without objects: every open tile counts.
  if (stack.length === 0) for (let t = 0; t < reach.length; t++) reach[t] = blocked[t] === 0 ? 1 : 0
  while (stack.length > 0) {
    const t = stack.pop()!
    const x = t % width
    const y = (t - x) / width
    const visit = (n: number) => {
      if (reach[n] === 0 && blocked[n] === 0) {
        reach[n] = 1
        stack.push(n)
      }
    }
    if (x > 0) visit(t - 1)
    if (x < width - 1) visit(t + 1)
    if (y > 0) visit(t - width)
    if (y < height - 1) visit(t + width)
  }
  return reach
}

/** Why (x, y) cannot be kept, or 'kept'. Does not count the agent itself: take it off its tile first. */
export function judgeTile(world: World, reach: Uint8Array, x: number, y: number): PlaceOutcome {
  const { map, blocked, tileCapacity } = world.params
  if (x < 0 || y < 0 || x >= map.width || y >= map.height) return 'outside'
  const t = y * map.width + x
  if (blocked[t] === 1) return 'blocked'
  if (reach[t] === 0) return 'cut_off'
  return world.state.tileCount[t]! >= tileCapacity ? 'full' : 'kept'
}

/** The tile to stand on for a legacy (x, y): itself when it can be kept, else the nearest usable one, or -1. */
export function placeNear(world: World, reach: Uint8Array, x: number, y: number): { tile: number; outcome: PlaceOutcome } {
  const { width, height } = world.params.map
  const outcome = judgeTile(world, reach, x, y)
  if (outcome === 'kept') return { tile: y * width + x, outcome }
  const cx = Math.min(Math.max(x, 0), width - 1)
  const cy = Math.min(Math.max(y, 0), height - 1)
  for (let d = 0; d <= MAX_RING; d++) {
    for (let yy = cy - d; yy <= cy + d; yy++) {
      if (yy < 0 || yy >= height) continue
      // Ring d: the whole top and bottom rows, only the two ends of the rows between.
      const step = yy === cy - d || yy === cy + d ? 1 : Math.max(1, 2 * d)
      for (let xx = cx - d; xx <= cx + d; xx += step) {
        if (xx >= 0 && xx < width && judgeTile(world, reach, xx, yy) === 'kept') return { tile: yy * width + xx, outcome }
      }
    }
  }
  return { tile: -1, outcome }
}
