import { describe, expect, it } from 'vitest'
import { DEFAULT_LEGEND, parseAsciiMap } from './ascii-map'
import { checkReachability } from './reachability'
import { type Area, type TownMap } from './town-map'

function town(text: string, homes: Area[] = [], workplaces: Area[] = []): TownMap {
  const parsed = parseAsciiMap(text, DEFAULT_LEGEND)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return { ...parsed.map, homes, workplaces }
}

describe('checkReachability', () => {
  it('accepts a town where everything is reachable', () => {
    const map = town(
      `
#########
#FS.#.WW#
#...#...#
##.###.##
#.......#
#########`,
      [{ id: 'home_1', x: 1, y: 1, w: 3, h: 2 }],
      [{ id: 'work_1', x: 5, y: 1, w: 3, h: 2 }]
    )
    expect(checkReachability(map)).toEqual([])
  })

  it('reports an object with no open tile beside it', () => {
    const map = town(`
#####
#.#F#
#..##
#####`)
    expect(checkReachability(map)).toEqual(['fridge_1 at (3, 1) has no open floor tile beside it: clear a neighbouring tile'])
  })

  it('reports an object walled off from the rest of the town', () => {
    const map = town(`
##########
#F.....#.S
#......###
##########`)
    expect(checkReachability(map)).toEqual([
      'stove_1 at (9, 1) cannot be reached from the rest of the town: open a door in the wall around it'
    ])
  })

  it('reports a use tile cut off from the rest of the town', () => {
    // The corner tile (1, 1) is boxed in by the fridge and the bed.
    const map = town(`
#####
#.F.#
#B..#
#####`)
    expect(checkReachability(map)).toEqual([
      'fridge_1 at (2, 1) is used from (1, 1), which is cut off from the rest of the town: clear a path to it or block it',
      'bed_1 at (1, 2) is used from (1, 1), which is cut off from the rest of the town: clear a path to it or block it'
    ])
  })

  it('reports unreachable and tile-less areas', () => {
    const map = town(
      `
#########
#F..#...#
#...#...#
#########`,
      [{ id: 'home_1', x: 1, y: 1, w: 3, h: 2 }, { id: 'home_2', x: 0, y: 0, w: 1, h: 3 }],
      [{ id: 'work_1', x: 5, y: 1, w: 3, h: 2 }]
    )
    expect(checkReachability(map)).toEqual([
      'home_2 at (0, 0) (1×3) has no open floor tile inside it: clear a tile',
      'work_1 at (5, 1) (3×2) cannot be reached from the rest of the town: open a door in the wall around it'
    ])
  })

  it('reports objects and areas outside the grid, on walls, or sharing ids and tiles', () => {
    const map = town(`
#####
#...#
#####`)
    map.objects.push(
      { id: 'bed_1', type: 'bed', x: 9, y: 1 },
      { id: 'bed_2', type: 'bed', x: 0, y: 1 },
      { id: 'bed_2', type: 'bed', x: 2, y: 1 },
      { id: 'bed_3', type: 'bed', x: 2, y: 1 }
    )
    map.homes.push({ id: 'home_1', x: 3, y: 0, w: 4, h: 2 })
    const problems = checkReachability(map)
    expect(problems).toEqual([
      'two objects are named bed_2: give each object a unique id',
      'bed_2 and bed_3 both stand on (2, 1): move one of them'
    ])
    map.objects.splice(2, 2)
    expect(checkReachability(map)).toEqual([
      'bed_1 at (9, 1) is outside the 5×3 map: move it inside',
      'bed_2 at (0, 1) stands on a wall: move it onto a floor tile',
      'home_1 at (3, 0) (4×2) does not fit inside the 5×3 map: move or shrink it'
    ])
  })

  it('reports a grid whose tiles do not match its size', () => {
    const map = town('...')
    map.height = 2
    expect(checkReachability(map)).toEqual(['the map has 3 tiles but is 3×2: give it width × height tiles'])
  })
})
