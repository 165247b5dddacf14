/**
 * The world's derived caches, built from its parameters and objects alone: a path finder over the
 * blocked mask, and object indexes by type, by home and for public objects. A new town and a
 * restored one build them the same way, so neither carries them in its state.
 */
import { PathFinder } from '../map/path-finder'
import type { ObjectStore } from '../state/object-store'
import type { WorldCache, WorldParams } from '../state/world'

export function buildWorldCache(params: WorldParams, objects: ObjectStore): WorldCache {
  const objectsByType = new Map<string, number[]>()
  const objectsByHome = params.map.homes.map(() => new Map<string, number[]>())
  const publicObjectsByType = new Map<string, number[]>()
  objects.types.forEach((type, i) => {
    push(objectsByType, type, i)
    const home = objectsByHome[objects.home[i]!]
    push(home ?? publicObjectsByType, type, i)
  })
  return { paths: new PathFinder(params.map, params.blocked), objectsByType, objectsByHome, publicObjectsByType }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
