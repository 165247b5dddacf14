/**
 * The objects' mutable state as JSON and back: stock, holder, stall count, queue, cooldowns and
 * the affordance running on each. Where objects stand (type, tile, use tiles, home, workplace)
 * comes from the map, so it is not saved: reading takes it from a town freshly built from the same
 * config and checks that the saved ids are that town's, in the same order.
 */
import { at, COUNT, describe, fits, INT32, isRecord, numberArray, Problems, SANE, objectWithKeys, type NumberBounds, type Parsed } from '../snapshot/json-problems'
import type { ObjectStore, QueueEntry } from './object-store'

export interface ObjectsJson {
  ids: string[]
  stock: Record<string, number>[]
  holder: number[]
  stall: number[]
  /** Per object: [agent slot, tick joined], in queue order. */
  queue: [number, number][][]
  /** Per object: [agent slot, tick the cooldown expires], by slot. */
  cooldowns: [number, number][][]
  running: number[]
  remaining: number[]
  charged: number[]
}

export interface ObjectBounds {
  /** Agent slots in the saved town. */
  agents: number
  /** Affordances in the registry (`running` indexes them). */
  affordances: number
}

const OBJECT_KEYS = ['ids', 'stock', 'holder', 'stall', 'queue', 'cooldowns', 'running', 'remaining', 'charged'] as const
/** Stock kinds per object; a manifest names a handful. */
const MAX_STOCK_KEYS = 64

export function objectsToJSON(objects: ObjectStore): ObjectsJson {
  return {
    ids: objects.ids.slice(),
    stock: objects.stock.map((s) => ({ ...s })),
    holder: Array.from(objects.holder),
    stall: Array.from(objects.stall),
    queue: objects.queue.map((q) => q.map((e): [number, number] => [e.agent, e.joined])),
    // Sorted by slot: the map's insertion order is not state (every read is by key).
    cooldowns: objects.cooldowns.map((m) => [...m.entries()].sort((x, y) => x[0] - y[0])),
    running: Array.from(objects.running),
    remaining: Array.from(objects.remaining),
    charged: Array.from(objects.charged)
  }
}

/** `base` is the same town's object store, freshly built: its placement is copied, never changed. */
export function objectsFromJSON(json: unknown, base: ObjectStore, b: ObjectBounds, path = 'objects'): Parsed<ObjectStore> {
  const p = new Problems()
  const n = base.count
  const o = objectWithKeys(p, path, json, OBJECT_KEYS)
  if (!o) return p.failed()
  const ids = o.ids
  if (!Array.isArray(ids) || ids.length !== n || ids.some((id, i) => id !== base.ids[i])) {
    p.add(at(path, 'ids'), `the saved objects are not this town's ${n} (${base.ids.slice(0, 3).join(', ')}${n > 3 ? ', …' : ''}): the state belongs to another map`)
    return p.failed()
  }
  const slot: NumberBounds = { min: -1, max: b.agents - 1, integer: true }
  const holder = numberArray(p, at(path, 'holder'), o.holder, { length: n }, slot)
  const stall = numberArray(p, at(path, 'stall'), o.stall, { length: n }, { min: 0, max: INT32.max, integer: true })
  const running = numberArray(p, at(path, 'running'), o.running, { length: n }, { min: -1, max: b.affordances - 1, integer: true })
  const remaining = numberArray(p, at(path, 'remaining'), o.remaining, { length: n }, { min: 0, max: INT32.max, integer: true })
  const charged = numberArray(p, at(path, 'charged'), o.charged, { length: n }, SANE)
  const stock = readStock(p, at(path, 'stock'), o.stock, n)
  const queue = readPairs(p, at(path, 'queue'), o.queue, n, b.agents, false)
  const cooldowns = readPairs(p, at(path, 'cooldowns'), o.cooldowns, n, b.agents, true)
  return p.result(() => ({
    count: n,
    ids: base.ids.slice(),
    types: base.types.slice(),
    x: base.x.slice(),
    y: base.y.slice(),
    useTiles: base.useTiles.map((t) => t.slice()),
    home: base.home.slice(),
    workplace: base.workplace.slice(),
    stock: stock!,
    holder: Int32Array.from(holder!),
    stall: Int32Array.from(stall!),
    queue: queue!.map((q) => q.map(([agent, joined]): QueueEntry => ({ agent, joined }))),
    cooldowns: cooldowns!.map((c) => new Map(c)),
    running: Int32Array.from(running!),
    remaining: Int32Array.from(remaining!),
    charged: Float64Array.from(charged!)
  }))
}

function readStock(p: Problems, path: string, v: unknown, n: number): Record<string, number>[] | null {
  if (!Array.isArray(v) || v.length !== n) {
    p.add(path, Array.isArray(v) ? `${v.length} entries for ${n} objects` : `expected a list, got ${describe(v)}`)
    return null
  }
  const out: Record<string, number>[] = []
  for (let i = 0; i < n; i++) {
    const entry: unknown = v[i]
    if (!isRecord(entry)) {
      p.add(at(path, i), `expected an object of stock counts, got ${describe(entry)}`)
      return null
    }
    const keys = Object.keys(entry)
    if (keys.length > MAX_STOCK_KEYS) {
      p.add(at(path, i), `${keys.length} kinds of stock, at most ${MAX_STOCK_KEYS} fit`)
      return null
    }
    const stock: Record<string, number> = {}
    for (const k of keys) {
      // A `__proto__` key would set the prototype on assignment instead of holding stock.
      if (k === '__proto__' || k.length === 0 || k.length > 64 || !fits(entry[k], SANE)) {
        p.add(at(at(path, i), k), k === '__proto__' ? '"__proto__" cannot name stock' : `expected a stock count, got ${describe(entry[k])}`)
        return null
      }
      stock[k] = entry[k] as number
    }
    out.push(stock)
  }
  return out
}

/**
 * Per object, a list of [agent slot, tick] pairs: queue entries (agents at most once) or
 * cooldowns (agents at most once, in slot order as written).
 */
function readPairs(p: Problems, path: string, v: unknown, n: number, agents: number, sorted: boolean): [number, number][][] | null {
  if (!Array.isArray(v) || v.length !== n) {
    p.add(path, Array.isArray(v) ? `${v.length} entries for ${n} objects` : `expected a list, got ${describe(v)}`)
    return null
  }
  const slot: NumberBounds = { min: 0, max: agents - 1, integer: true }
  const out: [number, number][][] = []
  for (let i = 0; i < n; i++) {
    const list: unknown = v[i]
    if (!Array.isArray(list) || list.length > agents) {
      p.add(at(path, i), Array.isArray(list) ? `${list.length} entries for ${agents} agents` : `expected a list of [agent, tick] pairs, got ${describe(list)}`)
      return null
    }
    const seen = new Set<number>()
    const pairs: [number, number][] = []
    for (let k = 0; k < list.length; k++) {
      const pair: unknown = list[k]
      if (!Array.isArray(pair) || pair.length !== 2 || !fits(pair[0], slot) || !fits(pair[1], COUNT) || pair[1] > INT32.max) {
        p.add(at(at(path, i), k), `expected [agent slot 0–${agents - 1}, tick], got ${describe(pair)}`)
        return null
      }
      const agent = pair[0]
      if (seen.has(agent) || (sorted && pairs.length > 0 && pairs[pairs.length - 1]![0] > agent)) {
        p.add(at(at(path, i), k), seen.has(agent) ? `agent slot ${agent} is listed twice` : 'entries must be in slot order')
        return null
      }
      seen.add(agent)
      pairs.push([agent, pair[1] as number])
    }
    out.push(pairs)
  }
  return out
}
