/**
 * An agent drops whatever it was doing: it leaves the queue, gives up its reservation or aborts
 * its running affordance (the costs are refunded), and stands still with no target. Used before a
 * new decision, a teleport, an avoidance, a meeting and on leaving the town.
 */
import { Phase } from '../state/agent-store'
import type { World } from '../state/world'
import { abortAffordance } from '../systems/affordance-runtime'
import { leaveQueue, releaseObject } from '../systems/queue-ops'

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
