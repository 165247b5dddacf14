/**
 * `hash(state)`: sha256 of the canonical JSON of the world snapshot, as lowercase hex. The digest
 * comes from the caller (node:crypto in main/, where the engine's purity rules do not apply).
 */
import type { World } from '../state/world'
import { canonicalJson } from './canonical-json'
import { worldSnapshot } from './world-snapshot'

export type Sha256 = (text: string) => string

export function hashWorld(world: World, sha256: Sha256): string {
  return sha256(canonicalJson(worldSnapshot(world)))
}
