/**
 * Agent-intent primitives: set off towards a goal, give up with a reason, tell whether two agents
 * stand close enough to chat and where to stand to reach one. A leaf: it reads and writes only the
 * agent columns and the path cache, so every system (decisions, affordances, the socialise pass,
 * the console) can use it without importing another system back.
 */
import { Phase } from '../state/agent-store'
import type { World } from '../state/world'

/** Set off along the shortest path from `here` to one of `goals`; false when none can be reached. */
export function headFor(world: World, i: number, here: number, goals: readonly number[]): boolean {
  const { state } = world
  const a = state.agents.cols
  const path = goals.length === 0 ? null : world.cache.paths.find(here, goals)
  if (path === null) return false
  state.agents.paths[i] = path
  a.pathPos[i] = 0
  a.dest[i] = path.length > 0 ? path[path.length - 1]! : here
  a.phase[i] = Phase.walking
  return true
}

/** Whether agents i and p stand on the same or adjacent tiles (close enough to chat). */
export function isBeside(world: World, i: number, p: number): boolean {
  const a = world.state.agents.cols
  return Math.abs(a.x[i]! - a.x[p]!) <= 1 && Math.abs(a.y[i]! - a.y[p]!) <= 1
}

/**
 * Where to stand to chat with agent `p`: its tile and the open tiles around it (chat reaches the
 * eight neighbours), those with room first; when all are full, all of them (the walker waits or
 * squeezes in, as at any crowded tile). In ascending tile order, so the path cache key is stable.
 */
export function besidePartner(world: World, p: number): number[] {
  const { state, params } = world
  const { width, height } = params.map
  const a = state.agents.cols
  const px = a.x[p]!
  const py = a.y[p]!
  const open: number[] = []
  const roomy: number[] = []
  for (let y = Math.max(0, py - 1); y <= Math.min(height - 1, py + 1); y++) {
    for (let x = Math.max(0, px - 1); x <= Math.min(width - 1, px + 1); x++) {
      const t = y * width + x
      if (params.blocked[t] === 1) continue
      open.push(t)
      if (state.tileCount[t]! < params.tileCapacity) roomy.push(t)
    }
  }
  return roomy.length > 0 ? roomy : open
}

/** The agent's option failed: it stops, and the object (if any) is skipped for a while. */
export function fail(world: World, i: number, reason: string): void {
  const a = world.state.agents.cols
  const o = a.target[i]!
  if (o >= 0) {
    a.avoidObject[i] = o
    a.avoidUntil[i] = world.state.tick + world.params.behavior.retry_after_ticks
  }
  world.state.agents.paths[i] = null
  a.phase[i] = Phase.failed
  world.state.agents.failReason[i] = reason
}
