/**
 * The town map: a grid of floor and wall tiles, the objects standing on it, and the rectangles
 * that make up households and workplaces. Tiles live in a flat typed array (row-major) so the
 * path finder and the systems index them with plain integers instead of allocating coordinates.
 */

/** An open tile an agent may stand on (unless an object stands there). */
export const TILE_FLOOR = 0
/** A wall, or the outside of the town: never walkable. */
export const TILE_WALL = 1

/** A rectangle of tiles, inclusive of (x, y) and exclusive of (x + w, y + h). */
export interface Area {
  id: string
  x: number
  y: number
  w: number
  h: number
}

/** An object (fridge, bed …) on a floor tile. It blocks that tile: agents use it from beside it. */
export interface PlacedObject {
  id: string
  type: string
  x: number
  y: number
}

/** The whole town: grid, objects and the areas that name households and workplaces. */
export interface TownMap {
  width: number
  height: number
  /** Row-major, index = y * width + x; each entry TILE_FLOOR or TILE_WALL. */
  tiles: Uint8Array
  objects: PlacedObject[]
  homes: Area[]
  workplaces: Area[]
}

/** The flat index of tile (x, y); the caller keeps (x, y) inside the grid. */
export function tileIndex(map: Pick<TownMap, 'width'>, x: number, y: number): number {
  return y * map.width + x
}

/** True when idx is inside the grid and neither a wall nor an object tile. */
export function isWalkable(map: Pick<TownMap, 'width' | 'height'>, blockedMask: Uint8Array, idx: number): boolean {
  return idx >= 0 && idx < map.width * map.height && blockedMask[idx] === 0
}

/**
 * 1 for every wall or object tile, 0 for open floor. Built once per map (and again when objects
 * move) so movement and path finding test one byte instead of walls and an object lookup.
 * Objects outside the grid are skipped here; checkReachability reports them.
 */
export function buildBlockedMask(map: TownMap): Uint8Array {
  const blocked = new Uint8Array(map.width * map.height)
  for (let i = 0; i < blocked.length; i++) blocked[i] = map.tiles[i] === TILE_FLOOR ? 0 : 1
  for (const object of map.objects) {
    if (inGrid(map, object.x, object.y)) blocked[tileIndex(map, object.x, object.y)] = 1
  }
  return blocked
}

/**
 * The walkable 4-neighbour tiles from which an agent uses `object`, ascending by index.
 * Neighbours are checked by coordinate, not index arithmetic, so a tile on the east edge never
 * "neighbours" the first tile of the next row.
 */
export function useTiles(map: TownMap, blocked: Uint8Array, object: Pick<PlacedObject, 'x' | 'y'>): number[] {
  const { x, y } = object
  const result: number[] = []
  // Visited in ascending index order: up, left, right, down.
  const candidates: [number, number][] = [
    [x, y - 1],
    [x - 1, y],
    [x + 1, y],
    [x, y + 1]
  ]
  for (const [nx, ny] of candidates) {
    if (!inGrid(map, nx, ny)) continue
    const idx = tileIndex(map, nx, ny)
    if (blocked[idx] === 0) result.push(idx)
  }
  return result
}

/** True when (x, y) lies inside the area's inclusive-exclusive rectangle. */
export function areaContains(area: Area, x: number, y: number): boolean {
  return x >= area.x && x < area.x + area.w && y >= area.y && y < area.y + area.h
}

/** The first area containing (x, y), or undefined. A linear scan: index areas yourself in hot loops. */
export function areaOf(areas: readonly Area[], x: number, y: number): Area | undefined {
  return areas.find((area) => areaContains(area, x, y))
}

/** True when (x, y) is a tile of the grid. */
export function inGrid(map: Pick<TownMap, 'width' | 'height'>, x: number, y: number): boolean {
  return Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < map.width && y < map.height
}
