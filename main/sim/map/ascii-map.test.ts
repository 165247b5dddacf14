import { describe, expect, it } from 'vitest'
import { DEFAULT_LEGEND, parseAsciiMap } from './ascii-map'
import { TILE_FLOOR, TILE_WALL } from './town-map'

describe('parseAsciiMap', () => {
  it('parses walls, floor, outside and objects with ids per type in reading order', () => {
    const result = parseAsciiMap(
      `
######
#F.BF#
#B..S#
######`,
      DEFAULT_LEGEND
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const { map } = result
    expect([map.width, map.height]).toEqual([6, 4])
    expect(map.objects).toEqual([
      { id: 'fridge_1', type: 'fridge', x: 1, y: 1 },
      { id: 'bed_1', type: 'bed', x: 3, y: 1 },
      { id: 'fridge_2', type: 'fridge', x: 4, y: 1 },
      { id: 'bed_2', type: 'bed', x: 1, y: 2 },
      { id: 'stove_1', type: 'stove', x: 4, y: 2 }
    ])
    // Objects stand on floor; the blocking is the mask's job, not the tile's.
    expect(map.tiles[1 * 6 + 1]).toBe(TILE_FLOOR)
    expect(map.tiles[0]).toBe(TILE_WALL)
  })

  it('pads ragged rows with walls and treats spaces as outside', () => {
    const result = parseAsciiMap('..\n. .\n.\r\n', DEFAULT_LEGEND)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect([result.map.width, result.map.height]).toEqual([3, 3])
    expect(Array.from(result.map.tiles)).toEqual([0, 0, 1, 0, 1, 0, 0, 1, 1])
  })

  it('reports every unknown character with its line, column and the legend', () => {
    const result = parseAsciiMap('\n####\n#.x#\n#?.#', { F: 'fridge' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map(({ line, col }) => [line, col])).toEqual([
      [3, 3],
      [4, 2]
    ])
    expect(result.errors[0]!.message).toContain('"x"')
    expect(result.errors[0]!.message).toContain('line 3, column 3')
    expect(result.errors[0]!.message).toContain("'F' fridge")
    expect(result.errors[0]!.message).toContain("'#' wall")
  })

  it('refuses an empty map', () => {
    for (const text of ['', '\n\n', '\r\n']) {
      const result = parseAsciiMap(text, DEFAULT_LEGEND)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.errors[0]!.message).toMatch(/empty/)
    }
  })

  it('refuses a legend that shadows built-in tiles or is not one character', () => {
    const result = parseAsciiMap('.', { '#': 'fridge', FF: 'stove', X: 'Bad Type' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toHaveLength(3)
    expect(result.errors.every((e) => e.line === 0 && e.col === 0)).toBe(true)
  })

})
