/**
 * The goal side of a path search ("perimeter search"). A bounded breadth-first search backwards
 * from the goals learns exact distances near them, then serves the A* heuristic: exact inside the
 * perimeter, and outside it the radius plus the Manhattan distance to the perimeter's outer layer.
 *
 * Why: goals usually sit inside a building (an object's use tiles), reached only through a door.
 * Plain Manhattan distance ignores that detour, and on a grid of streets every tile in the
 * start–goal bounding box then ties below the true length, so A* floods the whole box. Measuring
 * the way out of the building first keeps the search to a thin band along the path.
 */

/** Outer layers wider than this fall back to a bounding box, to keep each estimate cheap. */
export const PERIMETER_MAX_LAYER = 8

/** What the backward search found. */
export type PerimeterOutcome = 'reached' | 'unreachable' | 'bounded'

/** Reusable scratch for one grid; build() starts a new perimeter, stamped so nothing is cleared. */
export class GoalPerimeter {
  private readonly width: number
  private readonly tileCount: number
  private readonly blocked: Uint8Array
  private readonly dist: Int32Array
  /** One step closer to the goals; -1 at a goal. */
  private readonly toward: Int32Array
  private readonly stamp: Uint32Array
  private readonly queue: Int32Array
  private generation = 0
  /** Tiles at exact distance ≤ radius are inside the perimeter. */
  private radius = 0
  private layerX = new Int32Array(PERIMETER_MAX_LAYER)
  private layerY = new Int32Array(PERIMETER_MAX_LAYER)
  private layerSize = 0
  private exact = true
  private minX = 0
  private maxX = 0
  private minY = 0
  private maxY = 0
  /** Bounding box of the inside tiles: most estimates are far away and skip two array reads. */
  private inMinX = 0
  private inMaxX = -1
  private inMinY = 0
  private inMaxY = -1

  constructor(width: number, height: number, blocked: Uint8Array) {
    this.width = width
    this.tileCount = width * height
    this.blocked = blocked
    this.dist = new Int32Array(this.tileCount)
    this.toward = new Int32Array(this.tileCount)
    this.stamp = new Uint32Array(this.tileCount)
    this.queue = new Int32Array(this.tileCount)
  }

  /**
   * Searches back from the open goals, layer by layer, until about `budget` tiles are known.
   * 'reached': `from` was found (follow step() from it); 'unreachable': the goals' whole
   * component was explored without finding `from`; 'bounded': ready to serve estimate().
   * The caller has already handled `from` being one of the goals; -1 for `from` only measures.
   */
  build(goals: readonly number[], from: number, budget: number): PerimeterOutcome {
    const { width, tileCount, blocked, dist, toward, stamp, queue } = this
    const gen = this.nextGeneration()
    let count = 0
    for (const t of goals) {
      if (blocked[t] !== 0 || stamp[t] === gen) continue
      stamp[t] = gen
      dist[t] = 0
      toward[t] = -1
      queue[count++] = t
    }
    const goalCount = count
    let level = 0
    let reached = false
    // Discovers n one step beyond cur. `from` may itself be blocked (an agent standing on a
    // closed tile) and is still found; other blocked tiles are never entered.
    const visit = (n: number, cur: number): void => {
      if (stamp[n] === gen || (blocked[n] !== 0 && n !== from)) return
      stamp[n] = gen
      dist[n] = level + 1
      toward[n] = cur
      if (n === from) reached = true
      else queue[count++] = n
    }
    let start = 0
    let end = count
    let chosen = -1
    let chosenStart = 0
    let chosenEnd = 0
    while (start < end) {
      // Remember the deepest complete layer small enough for an exact estimate.
      if (end - start <= PERIMETER_MAX_LAYER) {
        chosen = level
        chosenStart = start
        chosenEnd = end
      }
      if (end >= budget) break
      for (let i = start; i < end && !reached; i++) {
        const cur = queue[i]!
        const x = cur % width
        if (cur >= width) visit(cur - width, cur)
        if (x > 0) visit(cur - 1, cur)
        if (x < width - 1) visit(cur + 1, cur)
        if (cur + width < tileCount) visit(cur + width, cur)
      }
      if (reached) return 'reached'
      start = end
      end = count
      level++
    }
    if (start === end) return 'unreachable'
    if (chosen >= 0) this.useLayer(chosen, queue.subarray(chosenStart, chosenEnd))
    else this.useGoalBox(queue.subarray(0, goalCount))
    // Breadth-first order: the inside tiles are exactly the queue's first entries.
    this.boxInside(queue.subarray(0, chosen >= 0 ? chosenEnd : goalCount))
    return 'bounded'
  }

  /** True when tile t's exact distance to the goals is known (it is inside the perimeter). */
  inside(t: number): boolean {
    const x = t % this.width
    return this.insideAt(t, x, (t - x) / this.width)
  }

  /** Exact steps from an inside tile to the nearest goal. */
  distance(t: number): number {
    return this.dist[t]!
  }

  /** The next tile toward the goals from an inside (or reached) tile; -1 at a goal. */
  step(t: number): number {
    return this.toward[t]!
  }

  /** A consistent lower bound on the steps from t to the nearest goal. */
  estimate(t: number): number {
    const x = t % this.width
    const y = (t - x) / this.width
    if (this.insideAt(t, x, y)) return this.dist[t]!
    if (this.exact) {
      let best = Infinity
      for (let i = 0; i < this.layerSize; i++) {
        const d = Math.abs(x - this.layerX[i]!) + Math.abs(y - this.layerY[i]!)
        if (d < best) best = d
      }
      return this.radius + best
    }
    const dx = x < this.minX ? this.minX - x : x > this.maxX ? x - this.maxX : 0
    const dy = y < this.minY ? this.minY - y : y > this.maxY ? y - this.maxY : 0
    return this.radius + dx + dy
  }

  private insideAt(t: number, x: number, y: number): boolean {
    return (
      x >= this.inMinX && x <= this.inMaxX && y >= this.inMinY && y <= this.inMaxY &&
      this.stamp[t] === this.generation && this.dist[t]! <= this.radius
    )
  }

  private boxInside(tiles: Int32Array): void {
    this.inMinX = this.inMinY = Infinity
    this.inMaxX = this.inMaxY = -Infinity
    for (const t of tiles) {
      const x = t % this.width
      const y = (t - x) / this.width
      if (x < this.inMinX) this.inMinX = x
      if (x > this.inMaxX) this.inMaxX = x
      if (y < this.inMinY) this.inMinY = y
      if (y > this.inMaxY) this.inMaxY = y
    }
  }

  /** The perimeter is every tile up to `level`; `layer` holds the tiles at exactly `level`. */
  private useLayer(level: number, layer: Int32Array): void {
    this.radius = level
    this.exact = true
    this.layerSize = layer.length
    layer.forEach((t, i) => {
      this.layerX[i] = t % this.width
      this.layerY[i] = Math.floor(t / this.width)
    })
  }

  /** Too many goals for an exact estimate: the distance to their bounding box instead. */
  private useGoalBox(goals: Int32Array): void {
    this.radius = 0
    this.exact = false
    this.minX = this.minY = Infinity
    this.maxX = this.maxY = -Infinity
    for (const t of goals) {
      const x = t % this.width
      const y = Math.floor(t / this.width)
      this.minX = Math.min(this.minX, x)
      this.maxX = Math.max(this.maxX, x)
      this.minY = Math.min(this.minY, y)
      this.maxY = Math.max(this.maxY, y)
    }
  }

  private nextGeneration(): number {
    if (this.generation === 0xffffffff) {
      // Wrapping would make stamps of an old search look current: start clean instead.
      this.generation = 0
      this.stamp.fill(0)
    }
    return ++this.generation
  }
}
