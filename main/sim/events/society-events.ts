/** Chats and rivalries (main/sim/society). Values are rounded to 6 places by the emitter. */
import { z } from 'zod'
import { agentId, objectId } from './event-fields'

export const SOCIETY_EVENTS = {
  /** An avoider turned away from an object a rival holds or waits for. */
  rivalry_avoidance: z.strictObject({ agent_id: agentId, other: agentId, object_id: objectId }),
  /** `agent_id`'s rivalry towards `other` is now `value` (changed by `delta`, for `reason`). */
  rivalry_changed: z.strictObject({ agent_id: agentId, other: agentId, value: z.number(), delta: z.number(), reason: z.string() }),
  chat_success: z.strictObject({ speaker: agentId, listener: agentId, quality: z.number().min(0).max(1) }),
  chat_failure: z.strictObject({ speaker: agentId, listener: agentId, reason: z.enum(['rivalry', 'low_quality']) })
} as const
