import { describe, expect, it } from 'vitest'
import { createWorld, tickWorld } from './world'

describe('world', () => {
  it('starts at tick 0 and advances one tick at a time', () => {
    const world = createWorld(42)
    expect(world).toEqual({ tick: 0, seed: 42, agents: 0 })
    for (let i = 0; i < 5; i++) tickWorld(world)
    expect(world.tick).toBe(5)
  })
})
