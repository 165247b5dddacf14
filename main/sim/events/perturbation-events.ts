/** The perturbation scheduler's events (main/sim/perturbations). `spec` is null for an ad-hoc console meet. */
import { z } from 'zod'
import { PERTURBATION_KINDS } from '../../config/sections/perturbations'
import { agentId, objectId, tickNumber } from './event-fields'

const eventId = z.string().min(1)
const spec = z.string().nullable()
const kind = z.enum(PERTURBATION_KINDS)

export const PERTURBATION_EVENTS = {
  /** `targets`: the price keys a spike multiplies, the utility an outage cuts, the agents a meet gathers. */
  perturbation_started: z.strictObject({
    event_id: eventId,
    spec,
    kind,
    origin: z.enum(['random', 'scheduled', 'console']),
    targets: z.array(z.string()),
    /** Price spikes only. */
    magnitude: z.number().optional(),
    /** Meets only: where they were gathered. */
    object_id: objectId.optional(),
    ends_at: tickNumber
  }),
  perturbation_ended: z.strictObject({ event_id: eventId, spec, kind, cancelled: z.boolean() }),
  /** `pending`: it had not started yet (it never will); otherwise it ends this tick. */
  perturbation_cancelled: z.strictObject({ event_id: eventId, spec, pending: z.boolean() }),
  perturbation_skipped: z.strictObject({ event_id: eventId, spec, kind, reason: z.string() }),
  /** Said beside `perturbation_started` when a meet gathered its agents. */
  arranged_meet: z.strictObject({ event_id: eventId, spec, object_id: objectId, agents: z.array(agentId), ends_at: tickNumber })
} as const
