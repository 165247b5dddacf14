/**
 * Movement: every walking agent steps one tile along its path. A tile holds at most
 * `world.tile_capacity` agents; an agent facing a full tile waits. Two exceptions keep crowds
 * from locking up: a holder on its way to the object it reserved squeezes past (a crowd waiting
 * at a fridge never locks out the one who is next), and so does anyone who has waited
 * `world.squeeze_after_ticks` (people make way), since two full tiles whose occupants each want
 * the other's — a doorway at the end of a shift — would otherwise wait for ever.
 */
import { Phase } from '../state/agent-store'
import type { World } from '../state/world'

export function moveAgents(world: World): void {
  const { state, params } = world
  const agents = state.agents
  const a = agents.cols
  const width = params.map.width
  const capacity = params.tileCapacity
  const squeezeAfter = params.config.world.squeeze_after_ticks
  const counts = state.tileCount
  for (let i = 0; i < agents.count; i++) {
    const phase = a.phase[i]
    if (phase !== Phase.walking && phase !== Phase.holding) continue
    const path = agents.paths[i]
    if (!path) continue
    const pos = a.pathPos[i]!
    if (pos >= path.length) continue
    const next = path[pos]!
    if (counts[next]! >= capacity && phase !== Phase.holding && a.blocked[i]! < squeezeAfter) {
      a.blocked[i]!++
      continue
    }
    const here = a.y[i]! * width + a.x[i]!
    counts[here]!--
    counts[next]!++
    a.x[i] = next % width
    a.y[i] = (next - a.x[i]!) / width
    a.pathPos[i] = pos + 1
    a.blocked[i] = 0
    a.lastMoved[i] = state.tick
  }
}

/** Steps left on the agent's path. */
export function stepsLeft(world: World, i: number): number {
  const path = world.state.agents.paths[i]
  return path ? path.length - world.state.agents.cols.pathPos[i]! : 0
}
