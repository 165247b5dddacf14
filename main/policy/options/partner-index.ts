/**
 * Living agents bucketed by tile, for partner searches: built once per tick on first use (O(agents))
 * and reused by every search until the tick or the agent count changes. Derived working memory,
 * never state: between ticks (where the policy runs) the world does not move, so it stays exact.
 */
import type { World } from '../../sim/state/world'

export interface PartnerIndex {
  /** Per tile: the first living agent on it, or −1; `next` chains the rest. */
  head: Int32Array
  next: Int32Array
  /** The tile each bucketed agent was put on (−1 when not bucketed), to clear without an O(tiles) fill. */
  tileOf: Int32Array
  tick: number
  count: number
}

const indexes = new WeakMap<World, PartnerIndex>()

export function partnerIndex(world: World): PartnerIndex {
  const { state, params } = world
  const n = state.agents.count
  let ix = indexes.get(world)
  if (ix && ix.tick === state.tick && ix.count === n) return ix
  if (!ix) {
    const tiles = params.map.width * params.map.height
    ix = { head: new Int32Array(tiles).fill(-1), next: new Int32Array(Math.max(16, n)), tileOf: new Int32Array(Math.max(16, n)).fill(-1), tick: -1, count: 0 }
    indexes.set(world, ix)
  }
  for (let i = 0; i < ix.count; i++) {
    const t = ix.tileOf[i]!
    if (t >= 0) ix.head[t] = -1
  }
  if (ix.next.length < n) {
    ix.next = new Int32Array(n * 2)
    ix.tileOf = new Int32Array(n * 2)
  }
  const a = state.agents.cols
  const width = params.map.width
  // From the highest slot down, so each tile's chain runs in ascending slot order.
  for (let i = n - 1; i >= 0; i--) {
    if (a.alive[i] !== 1) {
      ix.tileOf[i] = -1
      continue
    }
    const t = a.y[i]! * width + a.x[i]!
    ix.tileOf[i] = t
    ix.next[i] = ix.head[t]!
    ix.head[t] = i
  }
  ix.tick = state.tick
  ix.count = n
  return ix
}

/** Forget the index (a test that moves agents by hand within one tick). */
export function invalidatePartnerIndex(world: World): void {
  const ix = indexes.get(world)
  if (ix) ix.tick = -1
}
