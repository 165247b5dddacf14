/**
 * The stream kinds the dispatcher adds (stream 1.1): made only when a subscriber or the config
 * asks for them, every `request_every_ticks` ticks, because each costs work per agent.
 * - `observation`: the policy's observation batch as its versioned envelope (toObservationEnvelope).
 * - `agent.snapshot`: every living agent as the versioned per-agent DTO the run history keeps.
 * stream-schema.ts registers these payloads beside its own; this file imports nothing of it.
 */
import { z } from 'zod'
import { AgentEpisodeSnapshotSchema } from '../../../shared/contract/dto/history'
import { ObservationEnvelopeSchema } from '../../../shared/contract/dto/policy'
import type { OnRequestKind } from '../../config/sections/telemetry-dispatch'

export const AgentSnapshotPayloadSchema = z.object({
  /** Living agents in slot order. */
  agents: z.array(AgentEpisodeSnapshotSchema)
})

export const DISPATCH_PAYLOADS = {
  observation: ObservationEnvelopeSchema,
  'agent.snapshot': AgentSnapshotPayloadSchema
} as const satisfies Record<OnRequestKind, z.ZodType>

export type RequestedPayload<K extends OnRequestKind> = z.infer<(typeof DISPATCH_PAYLOADS)[K]>
