/**
 * This tick's `queue_conflict` events (emitted earlier in the tick by the queue and affordance
 * systems) become rivalry on both sides: actor→rival and rival→actor each gain
 * `increment_per_conflict × intensity × boost(reason)`, scaled by the owner's personality.
 * A handover (a completion with someone waiting) stings little; a ghost step (a stalled holder
 * evicted) stings most. One rivalry value per directed pair, unlike the original, which raised a
 * rivalry ledger and a tie rivalry by different amounts and emitted each rivalry event twice.
 */
import { alignedSlots, slotsAt } from '../events/event-slots'
import type { World } from '../state/world'
import { raiseRivalry } from './rivalry-events'

export function rivalryFromConflicts(world: World): void {
  const { state } = world
  const events = state.events
  const slots = alignedSlots(events, state.eventSlots)
  const config = world.params.config.society.rivalry
  const society = state.society
  for (let e = 0; e < events.length; e++) {
    const event = events[e]!
    if (event.type !== 'queue_conflict') continue
    // The slots the queue system named when it emitted the conflict: no id lookups in the tick.
    const { actor, rival, object } = slotsAt(slots, e, event.type)
    society.contention[object]!++
    society.counters.queue_conflicts++
    if (actor === rival) continue
    const boost = event.reason === 'ghost_step' ? config.ghost_step_boost : config.handover_boost
    const base = config.increment_per_conflict * event.intensity * boost
    if (base <= 0) continue
    raiseRivalry(world, actor, rival, base, event.reason)
    raiseRivalry(world, rival, actor, base, event.reason)
  }
}
