/**
 * While this page views a past tick, nothing that changes the town may be done from it: the town
 * on screen is not the one a command would reach. The operator commands' gate says so in place
 * of the admin one (Back to live lifts it). The clock and config controls keep the plain admin
 * gate: they act on the live shard, which keeps running while the past is viewed.
 */
import type { Gate } from '../operator/command-gate'

export const PAST_REASON = 'viewing a past tick (read-only): Back to live to change the town'

/** `gate`, closed with the past-view reason while `viewingPast`. */
export function townGate(gate: Gate, viewingPast: boolean): Gate {
  return viewingPast && gate.allowed ? { allowed: false, reason: PAST_REASON } : gate
}
