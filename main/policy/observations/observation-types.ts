/**
 * The shapes every part of the policy side agrees on. An observation batch holds, for each
 * living agent in ascending slot order, a map tensor (channels × rows × cols around the agent,
 * float32) and a feature vector (float32), in flat typed arrays; the spec names the channels and
 * features so the decision trace, the DTOs and a model's metadata can be checked against it.
 */
import type { ObservationVariant } from '../../../shared/contract/dto/policy'

export interface ObservationSpec {
  variant: ObservationVariant
  /** [channels, rows, cols]. */
  mapShape: readonly [number, number, number]
  mapChannels: readonly string[]
  featureNames: readonly string[]
  /** Feature name → index in the feature vector. */
  featureIndex: Readonly<Record<string, number>>
  /** channels × rows × cols. */
  mapSize: number
  featureSize: number
}

export interface ObservationBatch {
  spec: ObservationSpec
  /** The tick whose state this shows (the state after that tick ran). */
  tick: number
  /** Agents in the batch. */
  count: number
  /** Agent slots, ascending; row r of the tensors belongs to agents[r]. */
  agents: Int32Array
  /** count × mapSize. */
  map: Float32Array
  /** count × featureSize. */
  features: Float32Array
  /** Embedding slot per row (−1 when the allocator had none to give). */
  embeddingSlots: Int32Array
  /** 1 where the agent's context was reset since its last observation (spawn, teleport, meet, possession, respawn). */
  ctxReset: Uint8Array
}
