/**
 * The policy's events: the engine side (main/sim/policy: the anneal ratio, possession) and the
 * runtime's own (main/policy/runtime, between ticks: the model in use, the embedding allocator),
 * which the simulation adds to the next tick's events.
 */
import { z } from 'zod'
import { EmbeddingMetricsSchema, PolicyIdentitySchema } from '../../../shared/contract/dto/policy'
import { agentId } from './event-fields'

const ratio = z.number().min(0).max(1)

export const POLICY_EVENTS = {
  'policy.anneal.update': z.strictObject({ ratio, previous: ratio, source: z.enum(['console', 'schedule']) }),
  /** An operator took an agent over (`possessed: true`) or gave it back; `exit` when it left the town. */
  'policy.possession': z.strictObject({ agent_id: agentId, possessed: z.boolean(), by: z.enum(['console', 'exit']) }),
  /** The runtime's policy changed (a model attached, swapped, or dropped after a failure); `notice` says why when it matters. */
  'policy.metadata': z.strictObject({ ...PolicyIdentitySchema.shape, notice: z.string().nullable() }),
  /** The embedding allocator crossed its forced-reuse warning threshold (or fell back under it). */
  'policy.embedding': z.strictObject(EmbeddingMetricsSchema.shape)
} as const
