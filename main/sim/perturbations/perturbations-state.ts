/**
 * The perturbations system's state (engine issue II). Part of the world, so it is hashed and will go into
 * snapshots; plain data only.
 */
import type { ShardConfig } from '../../config/shard-config-schema'
import type { JsonValue } from '../state/world'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the perturbations system
export interface PerturbationsState {}

export function createPerturbationsState(_config: ShardConfig): PerturbationsState {
  return {}
}

/** The state as canonical-JSON-ready data, for hashing and snapshots. */
export function perturbationsSnapshot(_state: PerturbationsState): JsonValue {
  return {}
}
