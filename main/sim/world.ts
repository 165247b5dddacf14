/**
 * The world state the engine advances. Empty for now: the engine issue fills it with the town,
 * agents and RNG streams. It stays pure: no clocks, no unseeded randomness, no runtime imports, so the
 * same inputs always give the same world.
 */
export interface WorldState {
  tick: number
  seed: number
  agents: number
}

export function createWorld(seed: number): WorldState {
  return { tick: 0, seed, agents: 0 }
}

/** Advance the world by exactly one tick. */
export function tickWorld(world: WorldState): void {
  world.tick += 1
}
