/** Per-agent rewards for the tick, with their components (engine issue II). */
import type { World } from '../state/world'

export function computeRewards(_world: World): void {}
