/**
 * The agents that avoid someone this tick (a tie with rivalry ≥ `rivalry.avoid_threshold`), so
 * the avoidance pass looks at them alone instead of every agent's ledger. Derived working memory,
 * never state: the decay pass rebuilds it from the ledgers every tick (decay only lowers rivalry)
 * and every rivalry gain later in the tick adds its owner, so it is exact whenever it is read.
 */
import type { World } from '../state/world'

const lists = new WeakMap<World, number[]>()

/** Start the tick's list afresh (the decay pass refills it). */
export function resetAvoiders(world: World): void {
  const list = lists.get(world)
  if (list) list.length = 0
  else lists.set(world, [])
}

export function noteAvoider(world: World, agent: number): void {
  const list = lists.get(world)
  if (list) list.push(agent)
  else lists.set(world, [agent])
}

/** This tick's avoiders in ascending slot order, each once. */
export function avoiders(world: World): readonly number[] {
  const list = lists.get(world) ?? []
  // Gains append out of order; in a town with any avoiders at all the list is short.
  list.sort((a, b) => a - b)
  let w = 0
  for (let r = 0; r < list.length; r++) if (r === 0 || list[r] !== list[r - 1]) list[w++] = list[r]!
  list.length = w
  return list
}
