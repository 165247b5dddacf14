/**
 * Per-build counts by tile: living agents, objects (and objects of each type, for the compact
 * map) and reserved tiles (objects that have a holder). Filled once per build in O(agents +
 * objects) and cleared by walking only the tiles it touched, so each agent's window reads three
 * flat arrays instead of scanning every agent.
 */
import type { World } from '../../sim/state/world'

export class TileIndex {
  width = 0
  height = 0
  /** Living agents standing on each tile. */
  agents = new Int32Array(0)
  objects = new Int32Array(0)
  /** 1 where an object with a holder stands. */
  reserved = new Uint8Array(0)
  /** Objects of type k on tile t at t × types + k (compact only; empty otherwise). */
  typeCount = new Uint16Array(0)
  private agentTiles = new Int32Array(64)
  private agentN = 0
  private objectTiles = new Int32Array(64)
  private objectN = 0

  /**
   * @param types how many object types get a per-type count (0: none)
   */
  constructor(readonly types: number) {}

  /** Size the grids for the world's map (a no-op when the size is unchanged). */
  resize(width: number, height: number): void {
    if (width === this.width && height === this.height) return
    this.width = width
    this.height = height
    const n = width * height
    this.agents = new Int32Array(n)
    this.objects = new Int32Array(n)
    this.reserved = new Uint8Array(n)
    this.typeCount = new Uint16Array(this.types > 0 ? n * this.types : 0)
    this.agentN = 0
    this.objectN = 0
  }

  /**
   * Count the world's living agents and objects by tile.
   * @param objectType per object index, its type's channel index (−1 for a type without one)
   */
  fill(world: World, objectType: Int32Array): void {
    this.clear()
    const { width, height } = this
    const a = world.state.agents.cols
    const n = world.state.agents.count
    if (this.agentTiles.length < n) this.agentTiles = new Int32Array(Math.max(n, this.agentTiles.length * 2))
    for (let i = 0; i < n; i++) {
      if (a.alive[i] !== 1) continue
      const x = a.x[i]!
      const y = a.y[i]!
      if (x < 0 || y < 0 || x >= width || y >= height) continue
      const t = y * width + x
      this.agents[t]!++
      this.agentTiles[this.agentN++] = t
    }
    const o = world.state.objects
    if (this.objectTiles.length < o.count) this.objectTiles = new Int32Array(Math.max(o.count, this.objectTiles.length * 2))
    for (let k = 0; k < o.count; k++) {
      const x = o.x[k]!
      const y = o.y[k]!
      if (x < 0 || y < 0 || x >= width || y >= height) continue
      const t = y * width + x
      this.objects[t]!++
      if (o.holder[k]! >= 0) this.reserved[t] = 1
      const type = objectType[k] ?? -1
      if (this.types > 0 && type >= 0) this.typeCount[t * this.types + type]!++
      this.objectTiles[this.objectN++] = t
    }
  }

  /** Zero what the last fill set. */
  clear(): void {
    for (let k = 0; k < this.agentN; k++) this.agents[this.agentTiles[k]!] = 0
    for (let k = 0; k < this.objectN; k++) {
      const t = this.objectTiles[k]!
      this.objects[t] = 0
      this.reserved[t] = 0
      if (this.types > 0) this.typeCount.fill(0, t * this.types, (t + 1) * this.types)
    }
    this.agentN = 0
    this.objectN = 0
  }
}
