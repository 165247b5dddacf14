/** Objects in use, their queues and their refusals (main/sim/systems, main/sim/affordances). */
import { z } from 'zod'
import { agentId, count, int, objectId } from './event-fields'

export const AFFORDANCE_EVENTS = {
  affordance_start: z.strictObject({ agent_id: agentId, object_id: objectId, affordance_id: z.string(), duration: int.min(0) }),
  affordance_finish: z.strictObject({ agent_id: agentId, object_id: objectId, affordance_id: z.string() }),
  /** A start refused or a running affordance aborted; `affordance_id` is null when none fitted. */
  affordance_fail: z.strictObject({ agent_id: agentId, object_id: objectId, affordance_id: z.string().nullable(), reason: z.string() }),
  /** A handover (a finish with someone waiting) or a ghost step (a stalled holder evicted). */
  queue_conflict: z.strictObject({ object_id: objectId, actor: agentId, rival: agentId, reason: z.enum(['ghost_step', 'handover']), queue_length: count, intensity: z.number().min(0) }),
  /** The `note_outage` hook: an object refused for want of power or water. */
  utility_outage_noticed: z.strictObject({ object_id: objectId, power: z.boolean(), water: z.boolean() })
} as const
