/**
 * Id → index, for events that name agents and objects by id (`queue_conflict`). A derived cache
 * kept beside the id list, never in the state. Id lists only grow (agents are appended, objects
 * are fixed), so the index only needs extending; a reused agent id maps to its newest slot, as
 * `findAgent` does.
 */

interface Index {
  positions: Map<string, number>
  covered: number
}

const indexes = new WeakMap<readonly string[], Index>()

/** The last position of `id` in `ids`, or −1. Says nothing about whether that agent is alive. */
export function indexOfId(ids: readonly string[], id: string): number {
  let index = indexes.get(ids)
  if (!index) {
    index = { positions: new Map(), covered: 0 }
    indexes.set(ids, index)
  }
  for (; index.covered < ids.length; index.covered++) index.positions.set(ids[index.covered]!, index.covered)
  return index.positions.get(id) ?? -1
}
