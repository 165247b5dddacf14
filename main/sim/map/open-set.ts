/**
 * The A* open set: a binary min-heap of tile indices ordered by (f, h, index). The full order
 * makes every search pop tiles in the same sequence on every run. f and h are packed into one
 * exact float key (f · (maxH + 1) + h) so a comparison reads two arrays, not four, and the typed
 * arrays are kept between searches so a search allocates nothing per tile.
 */
export class OpenSet {
  private tiles: Int32Array
  private keys: Float64Array
  private count = 0
  private readonly scale: number

  /**
   * `maxH` bounds every h pushed and `maxF` every f; together they must keep the packed key an
   * exact integer. `capacity` is a starting size; the heap doubles when a search needs more.
   */
  constructor(maxH: number, maxF: number, capacity = 1024) {
    this.scale = maxH + 1
    if (maxF * this.scale + maxH > Number.MAX_SAFE_INTEGER) {
      throw new RangeError(`f up to ${maxF} and h up to ${maxH} do not pack exactly: the map is too large for one path finder`)
    }
    const size = Math.max(16, capacity)
    this.tiles = new Int32Array(size)
    this.keys = new Float64Array(size)
  }

  /** Number of entries, stale duplicates included (the search skips closed tiles on pop). */
  get size(): number {
    return this.count
  }

  /** Empties the heap, keeping its buffers. */
  clear(): void {
    this.count = 0
  }

  /** Adds a tile with total estimate f and heuristic h. */
  push(tile: number, f: number, h: number): void {
    if (this.count === this.tiles.length) this.grow()
    const key = f * this.scale + h
    const { tiles, keys } = this
    let i = this.count++
    // Sift up: move parents down until the new entry's slot is found, then write it once.
    while (i > 0) {
      const parent = (i - 1) >> 1
      const pk = keys[parent]!
      if (key > pk || (key === pk && tile > tiles[parent]!)) break
      tiles[i] = tiles[parent]!
      keys[i] = pk
      i = parent
    }
    tiles[i] = tile
    keys[i] = key
  }

  /** Removes and returns the smallest tile by (f, h, index), or -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1
    const { tiles, keys } = this
    const top = tiles[0]!
    const last = --this.count
    if (last === 0) return top
    const tile = tiles[last]!
    const key = keys[last]!
    let i = 0
    // Sift down the former last entry from the root.
    for (;;) {
      let child = 2 * i + 1
      if (child >= last) break
      const right = child + 1
      if (right < last) {
        const rk = keys[right]!
        const lk = keys[child]!
        if (rk < lk || (rk === lk && tiles[right]! < tiles[child]!)) child = right
      }
      const ck = keys[child]!
      if (ck > key || (ck === key && tiles[child]! > tile)) break
      tiles[i] = tiles[child]!
      keys[i] = ck
      i = child
    }
    tiles[i] = tile
    keys[i] = key
    return top
  }

  private grow(): void {
    const tiles = new Int32Array(this.tiles.length * 2)
    const keys = new Float64Array(this.keys.length * 2)
    tiles.set(this.tiles)
    keys.set(this.keys)
    this.tiles = tiles
    this.keys = keys
  }
}
