/**
 * The queue step of the tick: expire cooldowns, let arriving agents ask for their objects, and
 * break deadlocks. An agent asks when it is at most two steps away (or stuck behind a crowd
 * close by), so the waiting line forms around the object rather than across the town.
 */
import { OPTION_INDEX, Phase } from '../state/agent-store'
import type { World } from '../state/world'
import { fail } from '../agents/intent'
import { stepsLeft } from './movement'
import { recordConflict, releaseObject, requestAccess, requeueToTail } from './queue-ops'

const ASK_WITHIN_STEPS = 2
const ASK_WHEN_BLOCKED_WITHIN = 4

export function runQueues(world: World): void {
  expireCooldowns(world)
  askForObjects(world)
  breakDeadlocks(world)
}

function expireCooldowns(world: World): void {
  const { objects, tick } = world.state
  for (let o = 0; o < objects.count; o++) {
    const cooldowns = objects.cooldowns[o]!
    if (cooldowns.size === 0) continue
    for (const [agent, expiry] of cooldowns) if (expiry <= tick) cooldowns.delete(agent)
  }
}

function askForObjects(world: World): void {
  const { agents } = world.state
  const a = agents.cols
  for (let i = 0; i < agents.count; i++) {
    if (a.phase[i] !== Phase.walking) continue
    const o = a.target[i]!
    if (o < 0 || a.option[i] === OPTION_INDEX.work || a.option[i] === OPTION_INDEX.idle) continue
    const left = stepsLeft(world, i)
    if (left > ASK_WITHIN_STEPS && !(a.blocked[i]! > 0 && left <= ASK_WHEN_BLOCKED_WITHIN)) continue
    const outcome = requestAccess(world, o, i)
    if (outcome === 'cooldown') fail(world, i, 'cooldown')
    else a.phase[i] = outcome === 'granted' ? Phase.holding : Phase.queued
  }
}

/**
 * Ghost step: a holder that neither uses the object nor moves towards it for `ghost_step_after`
 * ticks while others wait loses its place to the next in line and goes to the back of the queue.
 * A holder that is using the object or still walking to it is progressing and is never evicted
 * (the original evicted any holder after three ticks, so long affordances never finished).
 */
function breakDeadlocks(world: World): void {
  const { objects, agents, tick, counters } = world.state
  const after = world.params.queue.ghost_step_after
  if (after === 0) return
  for (let o = 0; o < objects.count; o++) {
    const holder = objects.holder[o]!
    const queue = objects.queue[o]!
    if (holder < 0 || queue.length === 0 || objects.running[o]! >= 0) {
      objects.stall[o] = 0
      continue
    }
    const progressing = agents.cols.lastMoved[holder] === tick || (agents.cols.phase[holder] === Phase.holding && stepsLeft(world, holder) === 0)
    if (progressing) {
      objects.stall[o] = 0
      continue
    }
    if (++objects.stall[o]! < after) continue
    counters.ghost_step_events++
    const rival = queue[0]!.agent
    const waiting = queue.length
    releaseObject(world, o, holder, false)
    requeueToTail(world, o, holder)
    agents.cols.phase[holder] = Phase.queued
    recordConflict(world, o, holder, rival, 'ghost_step', waiting)
  }
}
