/**
 * Landmarks: for each landmark type (fridge, stove, bed, shower), the Euclidean-nearest object of
 * that type the agent would go to: its own home's if the home has one, else a public one (in no
 * home), else any. That is where the scripted controller looks first, and it keeps the search to
 * a handful of objects per agent in a 10,000-agent town instead of every fridge in it.
 */
import type { World, WorldParams } from '../../sim/state/world'
import { LANDMARK_DIST_SCALE, LANDMARK_MAX_DIST } from './observation-spec'

export class Landmarks {
  private params: WorldParams | null = null
  /** [home][type k] → object indexes. */
  private byHome: Int32Array[][] = []
  private publicOnes: Int32Array[] = []
  private all: Int32Array[] = []

  constructor(readonly types: readonly string[]) {}

  /** Rebuild the candidate lists when the world is another one (its params object changed). */
  prepare(world: World): void {
    if (world.params === this.params) return
    this.params = world.params
    const { cache } = world
    const list = (m: Map<string, number[]> | undefined, type: string) => Int32Array.from(m?.get(type) ?? [])
    this.byHome = cache.objectsByHome.map((m) => this.types.map((t) => list(m, t)))
    this.publicOnes = this.types.map((t) => list(cache.publicObjectsByType, t))
    this.all = this.types.map((t) => list(cache.objectsByType, t))
  }

  /** Index of the nearest object of landmark type k for agent i, or −1. */
  nearest(world: World, i: number, k: number): number {
    const a = world.state.agents.cols
    const home = a.home[i]!
    let candidates = home >= 0 ? this.byHome[home]?.[k] : undefined
    if (!candidates || candidates.length === 0) candidates = this.publicOnes[k]!
    if (candidates.length === 0) candidates = this.all[k]!
    const ox = world.state.objects.x
    const oy = world.state.objects.y
    const ax = a.x[i]!
    const ay = a.y[i]!
    let best = -1
    let bestD2 = Infinity
    for (let c = 0; c < candidates.length; c++) {
      const o = candidates[c]!
      const dx = ox[o]! - ax
      const dy = oy[o]! - ay
      const d2 = dx * dx + dy * dy
      if (d2 < bestD2) {
        bestD2 = d2
        best = o
      }
    }
    return best
  }
}

/**
 * Writes dx/d, dy/d and min(d / 16, 4) for the offset (dx, dy) at out[at … at + 3) (unit
 * components use 1 for d when d is 0); all 0 when there is no such landmark.
 */
export function writeLandmark(out: Float32Array, at: number, found: boolean, dx: number, dy: number): void {
  if (!found) {
    out[at] = 0
    out[at + 1] = 0
    out[at + 2] = 0
    return
  }
  const d = Math.sqrt(dx * dx + dy * dy)
  const n = d === 0 ? 1 : d
  out[at] = dx / n
  out[at + 1] = dy / n
  out[at + 2] = Math.min(d / LANDMARK_DIST_SCALE, LANDMARK_MAX_DIST)
}
