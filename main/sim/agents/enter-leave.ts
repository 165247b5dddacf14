/**
 * The one way into the town and the one way out. A newcomer (console `spawn`, a lifecycle
 * replacement, an imported agent) takes a new slot on a tile; a leaver (a lifecycle exit or
 * console `kill`) drops what it was doing, frees its tile, is marked dead and has every lifecycle
 * record of its slot dropped. What differs between the callers (which events, hooks, counters,
 * respawn tickets) stays with them; the bookkeeping every system relies on lives only here.
 */
import { Phase } from '../state/agent-store'
import type { World } from '../state/world'
import { releaseOnExit } from '../policy/possession'
import { dropCurrent } from './drop-current'

/** Where and as whom a newcomer arrives. `workplace` < 0: none (its `workTile` is then ignored). */
export interface Arrival {
  id: string
  home: number
  homeTile: number
  tile: number
  job: number
  workplace: number
  workTile: number
  needs: { hunger: number; hygiene: number; energy: number }
  wallet: number
}

/** Add the newcomer in a new slot (slots are never reused) standing on `tile`; returns the slot. */
export function enterTown(world: World, arrival: Arrival): number {
  const { state, params } = world
  const i = state.agents.add(arrival.id)
  const a = state.agents.cols // read after add(): growing replaces the columns
  a.home[i] = arrival.home
  a.homeTile[i] = arrival.homeTile
  a.x[i] = arrival.tile % params.map.width
  a.y[i] = Math.floor(arrival.tile / params.map.width)
  state.tileCount[arrival.tile]!++
  a.job[i] = arrival.job
  if (arrival.workplace >= 0) {
    a.workplace[i] = arrival.workplace
    a.workTile[i] = arrival.workTile
  }
  a.hunger[i] = arrival.needs.hunger
  a.hygiene[i] = arrival.needs.hygiene
  a.energy[i] = arrival.needs.energy
  a.wallet[i] = arrival.wallet
  return i
}

/** The agent leaves: returns the tile it stood on. The caller emits its own event afterwards. */
export function leaveTown(world: World, agent: number): number {
  const { state, params } = world
  const a = state.agents.cols
  dropCurrent(world, agent)
  const tile = a.y[agent]! * params.map.width + a.x[agent]!
  state.tileCount[tile]!--
  a.alive[agent] = 0
  // Every per-agent system skips an agent without a job or a phase.
  a.job[agent] = -1
  a.phase[agent] = Phase.none
  forget(world, agent)
  return tile
}

/** Drop every lifecycle record of a slot that has left, and release it if possessed. */
function forget(world: World, agent: number): void {
  const life = world.state.lifecycle
  const key = String(agent)
  delete life.starving[key]
  delete life.employment.absences[key]
  life.pending = life.pending.filter((p) => p.agent !== agent)
  life.employment.queue = life.employment.queue.filter((q) => q.agent !== agent)
  releaseOnExit(world, agent)
}
