/**
 * Interactive objects (fridges, stoves, showers, beds, workstations): where they stand, their
 * stock, and their reservation state: the holder, the FIFO queue, per-agent cooldowns and the
 * affordance running on them. Objects are few next to agents, so plain arrays suffice here.
 */

export interface QueueEntry {
  agent: number
  joined: number
}

export interface ObjectStore {
  count: number
  ids: string[]
  types: string[]
  x: Int32Array
  y: Int32Array
  /** Walkable tiles beside the object, from which it is used. */
  useTiles: number[][]
  /** Home / workplace index the object stands in, or -1. */
  home: Int32Array
  workplace: Int32Array
  stock: Record<string, number>[]
  holder: Int32Array
  /** Consecutive ticks the holder has been stalled while others waited. */
  stall: Int32Array
  queue: QueueEntry[][]
  /** Agent → tick its cooldown on this object expires. */
  cooldowns: Map<number, number>[]
  /** Affordance index running on the object, or -1; ticks left; what it charged at the start. */
  running: Int32Array
  remaining: Int32Array
  charged: Float64Array
}

export function createObjectStore(n: number): ObjectStore {
  return {
    count: n,
    ids: [],
    types: [],
    x: new Int32Array(n),
    y: new Int32Array(n),
    useTiles: [],
    home: new Int32Array(n).fill(-1),
    workplace: new Int32Array(n).fill(-1),
    stock: [],
    holder: new Int32Array(n).fill(-1),
    stall: new Int32Array(n),
    queue: Array.from({ length: n }, () => []),
    cooldowns: Array.from({ length: n }, () => new Map()),
    running: new Int32Array(n).fill(-1),
    remaining: new Int32Array(n),
    charged: new Float64Array(n)
  }
}
