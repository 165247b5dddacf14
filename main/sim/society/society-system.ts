/** Relationships decay, chat, rivalry from this tick's queue conflicts (engine issue II). */
import type { World } from '../state/world'

export function runSociety(_world: World): void {}
