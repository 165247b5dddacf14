/**
 * The one place an observation batch becomes plain data: the versioned ObservationEnvelope
 * (agents in slot order, tensors as number arrays holding the float32 values exactly, so a JSON
 * round trip is lossless), and row views for code that reads one agent in place (the decision
 * trace). Anything that leaves the process goes through here.
 */
import { OBSERVATION_SCHEMA_VERSION, type ObservationEnvelope } from '../../../shared/contract/dto/policy'
import type { World } from '../../sim/state/world'
import type { ObservationBatch } from './observation-types'

/** One agent's tensors in the batch, as views (valid until the builder's next build). */
export function observationRow(batch: ObservationBatch, row: number): { map: Float32Array; features: Float32Array } {
  const { mapSize, featureSize } = batch.spec
  return {
    map: batch.map.subarray(row * mapSize, (row + 1) * mapSize),
    features: batch.features.subarray(row * featureSize, (row + 1) * featureSize)
  }
}

/** The batch as a JSON-safe envelope; agent ids come from the world the batch was built from. */
export function toObservationEnvelope(world: World, batch: ObservationBatch): ObservationEnvelope {
  const { spec } = batch
  const ids = world.state.agents.ids
  const agents: ObservationEnvelope['agents'] = []
  for (let r = 0; r < batch.count; r++) {
    const slot = batch.agents[r]!
    const row = observationRow(batch, r)
    agents.push({
      id: ids[slot] ?? '',
      slot,
      embedding_slot: batch.embeddingSlots[r]!,
      ctx_reset_flag: batch.ctxReset[r] === 1,
      map: Array.from(row.map),
      features: Array.from(row.features)
    })
  }
  return {
    schema_version: OBSERVATION_SCHEMA_VERSION,
    tick: batch.tick,
    variant: spec.variant,
    map_shape: [spec.mapShape[0], spec.mapShape[1], spec.mapShape[2]],
    map_channels: [...spec.mapChannels],
    feature_names: [...spec.featureNames],
    agents
  }
}
