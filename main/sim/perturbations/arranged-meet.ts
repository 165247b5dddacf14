/**
 * Arranged meetings: the participants are gathered at an object, each teleported onto a free
 * floor tile near it (nearest first, one per tile while there is room). They drop what they were
 * doing, as with the console's `teleport`; what they do next is the policy's choice. Unlike the
 * original, nobody lands on a wall or over the tile capacity, and the tile counts stay right.
 */
import { findAgent } from '../state/agent-store'
import type { World } from '../state/world'
import { dropCurrent } from '../agents/drop-current'
import { nextInt } from '../rng/rng-streams'

/** The object a meet location names: an object id, or a type (then the one nearest `near`). */
export function resolveMeetObject(world: World, location: string, near: number): number {
  const { objects } = world.state
  const exact = objects.ids.indexOf(location)
  if (exact >= 0) return exact
  const ofType = world.cache.objectsByType.get(location) ?? []
  const a = world.state.agents.cols
  let best = -1
  let bestDistance = Infinity
  for (const o of ofType) {
    const d = near < 0 ? 0 : Math.abs(objects.x[o]! - a.x[near]!) + Math.abs(objects.y[o]! - a.y[near]!)
    if (d < bestDistance) {
      best = o
      bestDistance = d
    }
  }
  return best
}

/** Living agents among `ids`, as slots, each once. */
export function livingSlots(world: World, ids: readonly string[]): number[] {
  const slots: number[] = []
  for (const id of ids) {
    const slot = findAgent(world.state.agents, id)
    if (slot >= 0 && !slots.includes(slot)) slots.push(slot)
  }
  return slots
}

/** Draw `count` agents from the `events` stream among those `eligible` says yes to (a partial Fisher–Yates). */
export function drawParticipants(world: World, count: number, eligible: (slot: number) => boolean): number[] {
  const { agents } = world.state
  const pool: number[] = []
  for (let i = 0; i < agents.count; i++) if (agents.cols.alive[i] === 1 && eligible(i)) pool.push(i)
  const take = Math.min(count, pool.length)
  for (let k = 0; k < take; k++) {
    const j = k + nextInt(world.state.rng.events, pool.length - k)
    const swap = pool[k]!
    pool[k] = pool[j]!
    pool[j] = swap
  }
  return pool.slice(0, take)
}

/** Move each agent onto a free tile near object `o`, searching outward from its use tiles; returns who moved. */
export function gatherAt(world: World, o: number, slots: readonly number[]): number[] {
  const { state, params } = world
  const { width } = params.map
  const a = state.agents.cols
  const seen = new Uint8Array(params.blocked.length)
  const frontier: number[] = []
  for (const t of state.objects.useTiles[o] ?? []) {
    if (seen[t] === 1) continue
    seen[t] = 1
    frontier.push(t)
  }
  const moved: number[] = []
  let head = 0
  for (const i of slots) {
    // Breadth-first from the object: the next tile with room, searching no further than needed.
    let tile = -1
    while (head < frontier.length && tile < 0) {
      const t = frontier[head++]!
      for (const n of [t - width, t + width, t % width > 0 ? t - 1 : -1, t % width < width - 1 ? t + 1 : -1]) {
        if (n < 0 || n >= seen.length || seen[n] === 1 || params.blocked[n] === 1) continue
        seen[n] = 1
        frontier.push(n)
      }
      if (state.tileCount[t]! < params.tileCapacity) tile = t
    }
    if (tile < 0) break
    dropCurrent(world, i)
    state.tileCount[a.y[i]! * width + a.x[i]!]!--
    state.tileCount[tile]!++
    a.x[i] = tile % width
    a.y[i] = Math.floor(tile / width)
    moved.push(i)
  }
  return moved
}
