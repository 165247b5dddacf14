/** Employment exits, fainting, respawns (engine issue II). */
import type { World } from '../state/world'

export function runLifecycle(_world: World): void {}
