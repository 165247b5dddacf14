/**
 * Apply the policy's decisions: an agent drops whatever it was doing (leaving queues, giving up a
 * reservation, aborting an affordance) and sets off towards its new option's destination: the
 * object's use tiles, the work tile, a tile beside the partner it seeks out (socialise), the
 * tile an operator sent it to (idle with `tile`), or home.
 */
import { OPTION_INDEX, Phase } from '../state/agent-store'
import type { Decision } from '../inputs'
import type { World } from '../state/world'
import { abortAffordance } from './affordance-runtime'
import { leaveQueue, releaseObject } from './queue-ops'

export function applyDecisions(world: World, decisions: readonly Decision[]): void {
  const possessed = world.state.agents.cols.possessed
  // A possessed agent is the operator's (console `operator_act`): the policy's say is dropped
  // here, in the tick, so it holds however the decisions were made and replays the same.
  for (const d of decisions) if (possessed[d.agent] !== 1) applyDecision(world, d)
}

export function applyDecision(world: World, d: Decision): void {
  const { state, params } = world
  const a = state.agents.cols
  const i = d.agent
  if (i < 0 || i >= state.agents.count) return
  dropCurrent(world, i)
  a.option[i] = OPTION_INDEX[d.option]
  a.optionSince[i] = state.tick
  a.target[i] = d.object
  a.partner[i] = d.option === 'socialise' ? (d.partner ?? -1) : -1
  a.blocked[i] = 0
  state.agents.failReason[i] = ''
  const here = a.y[i]! * params.map.width + a.x[i]!
  if (d.option === 'socialise') {
    const p = d.partner ?? -1
    if (p < 0 || p === i || p >= state.agents.count || a.alive[p] !== 1) {
      fail(world, i, 'partner_gone')
      return
    }
    if (!headFor(world, i, here, isBeside(world, i, p) ? [here] : besidePartner(world, p))) fail(world, i, 'partner_unreachable')
    return
  }
  let goals: readonly number[]
  if (d.object >= 0) goals = state.objects.useTiles[d.object] ?? []
  else if (d.option === 'work') goals = a.workTile[i]! >= 0 ? [a.workTile[i]!] : []
  else if (d.tile !== undefined) goals = d.tile >= 0 && d.tile < params.blocked.length && params.blocked[d.tile] !== 1 ? [d.tile] : []
  else goals = a.homeTile[i]! >= 0 ? [a.homeTile[i]!] : []
  if (!headFor(world, i, here, goals)) fail(world, i, d.object >= 0 ? 'unreachable' : 'no_destination')
}

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

/** Leave queues and reservations, aborting a running affordance (its costs are refunded). */
export function dropCurrent(world: World, i: number): void {
  const { state } = world
  const a = state.agents.cols
  const o = a.target[i]!
  if (o >= 0) {
    if (a.phase[i] === Phase.using) abortAffordance(world, o, 'interrupted')
    else if (state.objects.holder[o] === i) releaseObject(world, o, i, false)
    else if (a.phase[i] === Phase.queued) leaveQueue(world, o, i)
  }
  state.agents.paths[i] = null
  a.target[i] = -1
  a.phase[i] = Phase.none
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
