/**
 * Reservations and queues per object: FIFO with age priority, a cooldown after a successful use,
 * and handover to the next in line. Invariants (property-tested): an agent holds at most one
 * object, a holder is never in its own queue, and an agent waits in at most one queue.
 */
import { Phase } from '../state/agent-store'
import { emit, type World } from '../state/world'

export type RequestOutcome = 'granted' | 'queued' | 'cooldown'

/** An agent beside the object asks for it: granted now, queued behind others, or refused (cooldown). */
export function requestAccess(world: World, o: number, i: number): RequestOutcome {
  const { objects, tick, counters } = world.state
  const expiry = objects.cooldowns[o]!.get(i)
  if (expiry !== undefined && tick < expiry) {
    counters.cooldown_events++
    return 'cooldown'
  }
  if (objects.holder[o] === i) return 'granted'
  const queue = objects.queue[o]!
  if (!queue.some((e) => e.agent === i)) queue.push({ agent: i, joined: tick })
  assignNext(world, o)
  return objects.holder[o] === i ? 'granted' : 'queued'
}

/**
 * Give a free object to the waiting agent with the lowest priority = index − weight × ticks waited
 * (the first index wins ties), so a long wait can overtake a place nearer the front.
 */
export function assignNext(world: World, o: number): void {
  const { objects, tick, agents, counters } = world.state
  const queue = objects.queue[o]!
  if (objects.holder[o]! >= 0 || queue.length === 0) return
  const weight = world.params.queue.age_priority_weight
  let best = 0
  let bestPriority = Infinity
  for (let k = 0; k < queue.length; k++) {
    const priority = k - weight * (tick - queue[k]!.joined)
    if (priority < bestPriority) {
      bestPriority = priority
      best = k
    }
  }
  if (best !== 0) counters.rotation_events++
  const [entry] = queue.splice(best, 1)
  const agent = entry!.agent
  objects.holder[o] = agent
  objects.stall[o] = 0
  if (agents.cols.phase[agent] === Phase.queued) agents.cols.phase[agent] = Phase.holding
}

/** The holder lets go: on success it starts a cooldown on this object; the next in line is served. */
export function releaseObject(world: World, o: number, i: number, success: boolean): void {
  const { objects, tick } = world.state
  if (objects.holder[o] !== i) return
  objects.holder[o] = -1
  objects.stall[o] = 0
  const cooldown = world.params.queue.cooldown_ticks
  if (success && cooldown > 0) objects.cooldowns[o]!.set(i, tick + cooldown)
  else objects.cooldowns[o]!.delete(i)
  assignNext(world, o)
}

export function leaveQueue(world: World, o: number, i: number): void {
  const queue = world.state.objects.queue[o]!
  const k = queue.findIndex((e) => e.agent === i)
  if (k >= 0) queue.splice(k, 1)
}

/** Put an agent at the back of an object's queue (after an eviction). */
export function requeueToTail(world: World, o: number, i: number): void {
  const { objects, tick, counters } = world.state
  const queue = objects.queue[o]!
  if (queue.some((e) => e.agent === i)) return
  queue.push({ agent: i, joined: tick })
  counters.rotation_events++
}

/** Base intensity of a conflict by its kind; a longer queue makes it sharper. */
const CONFLICT_BASE = { ghost_step: 1, handover: 0.5 } as const
const QUEUE_LENGTH_BOOST = 0.25

/** A `queue_conflict` event: the rivalry system (engine issue II) feeds on these. */
export function recordConflict(world: World, o: number, actor: number, rival: number, reason: keyof typeof CONFLICT_BASE, queueLength: number): void {
  const { state } = world
  const intensity = CONFLICT_BASE[reason] * (1 + QUEUE_LENGTH_BOOST * Math.max(0, queueLength - 1))
  emit(state, 'queue_conflict', {
    object_id: state.objects.ids[o]!,
    actor: state.agents.ids[actor]!,
    rival: state.agents.ids[rival]!,
    reason,
    queue_length: queueLength,
    intensity: Math.round(intensity * 1000) / 1000
  }, { actor, rival, object: o })
}
