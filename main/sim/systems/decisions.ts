/**
 * Apply the policy's decisions: an agent drops whatever it was doing (leaving queues, giving up a
 * reservation, aborting an affordance) and sets off towards its new option's destination.
 */
import { OPTION_INDEX, Phase } from '../state/agent-store'
import type { Decision } from '../inputs'
import type { World } from '../state/world'
import { abortAffordance } from './affordance-runtime'
import { leaveQueue, releaseObject } from './queue-ops'

export function applyDecisions(world: World, decisions: readonly Decision[]): void {
  for (const d of decisions) applyDecision(world, d)
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
  a.blocked[i] = 0
  state.agents.failReason[i] = ''
  let goals: readonly number[]
  if (d.object >= 0) goals = state.objects.useTiles[d.object] ?? []
  else if (d.option === 'work') goals = a.workTile[i]! >= 0 ? [a.workTile[i]!] : []
  else goals = a.homeTile[i]! >= 0 ? [a.homeTile[i]!] : []
  const here = a.y[i]! * params.map.width + a.x[i]!
  const path = goals.length === 0 ? null : world.cache.paths.find(here, goals)
  if (path === null) {
    fail(world, i, d.object >= 0 ? 'unreachable' : 'no_destination')
    return
  }
  state.agents.paths[i] = path
  a.pathPos[i] = 0
  a.dest[i] = path.length > 0 ? path[path.length - 1]! : here
  a.phase[i] = Phase.walking
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
