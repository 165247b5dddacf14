import { describe, expect, it } from 'vitest'
import { parseAsciiMap, DEFAULT_LEGEND } from './ascii-map'
import {
  TILE_FLOOR,
  TILE_WALL,
  areaContains,
  areaOf,
  buildBlockedMask,
  isWalkable,
  tileIndex,
  useTiles,
  type TownMap
} from './town-map'

function town(text: string): TownMap {
  const parsed = parseAsciiMap(text, DEFAULT_LEGEND)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return { ...parsed.map, homes: [], workplaces: [] }
}

describe('town map helpers', () => {
  const map = town(`
#####
#.F.#
#..S#
#####`)

  it('indexes tiles row-major', () => {
    expect(tileIndex(map, 2, 1)).toBe(7)
    expect(map.tiles[tileIndex(map, 0, 0)]).toBe(TILE_WALL)
    expect(map.tiles[tileIndex(map, 1, 1)]).toBe(TILE_FLOOR)
  })

  it('blocks walls and object tiles, and nothing else', () => {
    const blocked = buildBlockedMask(map)
    expect(blocked[tileIndex(map, 2, 1)]).toBe(1) // fridge
    expect(blocked[tileIndex(map, 3, 2)]).toBe(1) // stove
    expect(blocked[tileIndex(map, 0, 1)]).toBe(1) // wall
    expect(isWalkable(map, blocked, tileIndex(map, 1, 1))).toBe(true)
    expect(isWalkable(map, blocked, tileIndex(map, 2, 1))).toBe(false)
    expect(isWalkable(map, blocked, -1)).toBe(false)
    expect(isWalkable(map, blocked, map.width * map.height)).toBe(false)
  })

  it('lists an object’s use tiles ascending, open neighbours only', () => {
    const blocked = buildBlockedMask(map)
    const fridge = map.objects.find((o) => o.id === 'fridge_1')!
    expect(useTiles(map, blocked, fridge)).toEqual([tileIndex(map, 1, 1), tileIndex(map, 3, 1), tileIndex(map, 2, 2)])
    const stove = map.objects.find((o) => o.id === 'stove_1')!
    expect(useTiles(map, blocked, stove)).toEqual([tileIndex(map, 3, 1), tileIndex(map, 2, 2)])
  })

  it('never treats the next row’s first tile as an east neighbour', () => {
    const edge = town(`
..F
...`)
    const blocked = buildBlockedMask(edge)
    expect(useTiles(edge, blocked, { x: 2, y: 0 })).toEqual([1, 5])
  })

  it('finds the area containing a tile, exclusive of the far edges', () => {
    const a = { id: 'home_1', x: 1, y: 1, w: 3, h: 2 }
    const b = { id: 'home_2', x: 4, y: 1, w: 2, h: 2 }
    expect(areaContains(a, 1, 1)).toBe(true)
    expect(areaContains(a, 3, 2)).toBe(true)
    expect(areaContains(a, 4, 1)).toBe(false)
    expect(areaContains(a, 1, 3)).toBe(false)
    expect(areaOf([a, b], 4, 2)?.id).toBe('home_2')
    expect(areaOf([a, b], 0, 0)).toBeUndefined()
  })
})
