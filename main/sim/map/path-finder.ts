/**
 * Shortest 4-neighbour paths on the town grid, by A* guided by a goal perimeter (see
 * goal-perimeter.ts). Built for towns of ~500×500 tiles and thousands of agents: per-tile scratch
 * lives in typed arrays reused across searches (a generation stamp marks which entries belong to
 * the current search, so nothing is cleared between searches), and recent answers are kept in a
 * bounded LRU cache because agents of one household walk the same routes again and again.
 */
import { GoalPerimeter } from './goal-perimeter'
import { OpenSet } from './open-set'
import { type TownMap } from './town-map'

/** Tuning for a PathFinder. */
export interface PathFinderOptions {
  /** Most answers kept in the LRU cache; 0 disables it. Default DEFAULT_PATH_CACHE_SIZE. */
  cacheSize?: number
  /**
   * About how many tiles the backward search from the goals may learn before A* starts; 0 is
   * plain A* with a Manhattan heuristic. Default DEFAULT_PERIMETER_BUDGET.
   */
  perimeterBudget?: number
}

/** Counters for telemetry and tests. */
export interface PathFinderStats {
  /** Searches actually run (cache misses). */
  searches: number
  /** Answers served from the cache. */
  cacheHits: number
}

/** Default LRU size: enough for every home→work route of a few thousand agents. */
export const DEFAULT_PATH_CACHE_SIZE = 4096

/** Enough to measure the way out of a house or workplace and a few steps down the street. */
export const DEFAULT_PERIMETER_BUDGET = 256

/** Finds deterministic shortest paths over a fixed blocked mask (1 = wall or object). */
export class PathFinder {
  private readonly width: number
  private readonly tileCount: number
  private readonly blocked: Uint8Array
  private readonly cacheSize: number
  private readonly perimeterBudget: number
  private readonly cache = new Map<string, Int32Array | null>()
  private readonly open: OpenSet
  private readonly perimeter: GoalPerimeter
  private readonly g: Int32Array
  private readonly parent: Int32Array
  /**
   * One stamp per tile, two values per search: `generation` = queued (g and parent are this
   * search's), `generation + 1` = closed. One array instead of two halves the cache lines touched.
   */
  private readonly mark: Uint32Array
  private generation = 0
  private searches = 0
  private cacheHits = 0

  /**
   * `blocked` is read, not copied, on every search; when it changes (an object placed or moved),
   * call clearCache() so no stale path is served.
   */
  constructor(map: Pick<TownMap, 'width' | 'height'>, blocked: Uint8Array, options: PathFinderOptions = {}) {
    this.width = map.width
    this.tileCount = map.width * map.height
    if (blocked.length !== this.tileCount) {
      throw new RangeError(`blocked mask has ${blocked.length} tiles, the map ${this.tileCount}: build it with buildBlockedMask(map)`)
    }
    this.blocked = blocked
    this.cacheSize = Math.max(0, Math.floor(options.cacheSize ?? DEFAULT_PATH_CACHE_SIZE))
    this.perimeterBudget = Math.max(0, Math.floor(options.perimeterBudget ?? DEFAULT_PERIMETER_BUDGET))
    this.perimeter = new GoalPerimeter(map.width, map.height, blocked)
    // h ≤ perimeter radius (< tiles) + Manhattan span; f = g + h with g < tiles.
    const maxH = this.tileCount + map.width + map.height
    this.open = new OpenSet(maxH, this.tileCount + maxH)
    this.g = new Int32Array(this.tileCount)
    this.parent = new Int32Array(this.tileCount)
    this.mark = new Uint32Array(this.tileCount)
  }

  /**
   * The shortest path from `from` to the nearest of `goals`: tile indices excluding `from` and
   * including the goal reached; empty when `from` is a goal, null when no goal can be reached.
   * Blocked goals are never entered (path to an object's use tiles, not the object). Among
   * equally short paths the choice is fixed by the tie-breaking, so it is the same on every run.
   * The array may be shared with the cache and other callers: never mutate it. Throws RangeError
   * for a tile outside the map (a caller bug, not a routing outcome).
   */
  find(from: number, goals: readonly number[]): Int32Array | null {
    const key = `${from}:${goals.join(',')}`
    if (this.cacheSize > 0) {
      const cached = this.cache.get(key)
      if (cached !== undefined || this.cache.has(key)) {
        this.cacheHits++
        // Re-insert so Map order stays least-recently-used first.
        this.cache.delete(key)
        this.cache.set(key, cached ?? null)
        return cached ?? null
      }
    }
    const path = this.search(from, goals)
    if (this.cacheSize > 0) {
      this.cache.set(key, path)
      if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!)
    }
    return path
  }

  /** Searches run and cache hits since construction. */
  stats(): PathFinderStats {
    return { searches: this.searches, cacheHits: this.cacheHits }
  }

  /** Forgets every cached path; call after changing the blocked mask. */
  clearCache(): void {
    this.cache.clear()
  }

  private search(from: number, goals: readonly number[]): Int32Array | null {
    this.checkTile(from)
    for (const t of goals) this.checkTile(t)
    this.searches++
    if (goals.includes(from)) return new Int32Array(0)
    const { perimeter } = this
    const outcome = perimeter.build(goals, from, this.perimeterBudget)
    if (outcome === 'reached') return this.splice(from, 0)
    if (outcome === 'unreachable') return null

    const { width, tileCount, g, parent, mark, open } = this
    const gen = this.nextGeneration()
    open.clear()
    const h0 = perimeter.estimate(from)
    g[from] = 0
    parent[from] = -1
    mark[from] = gen
    open.push(from, h0, h0)
    while (open.size > 0) {
      const cur = open.pop()
      if (mark[cur] === gen + 1) continue // a stale duplicate: the tile was closed with a shorter g
      mark[cur] = gen + 1
      // Inside the perimeter the rest of the way is known exactly, and with a consistent
      // heuristic the first such tile popped lies on a shortest path.
      if (perimeter.inside(cur)) return this.splice(cur, g[cur]!)
      const next = g[cur]! + 1
      const x = cur % width
      // Edges are checked by coordinate so a path never wraps from one row's end to the next.
      if (cur >= width) this.relax(cur - width, cur, next, gen)
      if (x > 0) this.relax(cur - 1, cur, next, gen)
      if (x < width - 1) this.relax(cur + 1, cur, next, gen)
      if (cur + width < tileCount) this.relax(cur + width, cur, next, gen)
    }
    return null
  }

  /** Offers tile n a path through cur of length next; queues it when that is its best so far. */
  private relax(n: number, cur: number, next: number, gen: number): void {
    const m = this.mark[n]
    if (m === gen + 1 || this.blocked[n] !== 0) return
    if (m === gen && this.g[n]! <= next) return
    this.mark[n] = gen
    this.g[n] = next
    this.parent[n] = cur
    const h = this.perimeter.estimate(n)
    this.open.push(n, next + h, h)
  }

  /** The A* path to `meet` (g steps, 0 when meet is `from`) followed by the perimeter's way on. */
  private splice(meet: number, steps: number): Int32Array {
    const path = new Int32Array(steps + this.perimeter.distance(meet))
    let t = meet
    for (let i = steps - 1; i >= 0; i--) {
      path[i] = t
      t = this.parent[t]!
    }
    t = meet
    for (let i = steps; i < path.length; i++) {
      t = this.perimeter.step(t)
      path[i] = t
    }
    return path
  }

  private nextGeneration(): number {
    if (this.generation >= 0xfffffffd) {
      // Wrapping would make entries stamped by an old search look current: start clean instead.
      this.generation = 0
      this.mark.fill(0)
    }
    this.generation += 2
    return this.generation
  }

  private checkTile(t: number): void {
    if (!Number.isInteger(t) || t < 0 || t >= this.tileCount) {
      throw new RangeError(`tile ${t} is outside the map (0..${this.tileCount - 1})`)
    }
  }
}
