/**
 * Text maps: the readable way to draw a small town for tests, scenarios and bug reports.
 * `#` is a wall, `.` floor, a space the outside (a wall too); every legend character places an
 * object of its type on a floor tile.
 */
import { TILE_FLOOR, TILE_WALL, type TownMap } from './town-map'

/** The grid part of a town map; homes and workplaces are named separately. */
export type AsciiMap = Pick<TownMap, 'width' | 'height' | 'tiles' | 'objects'>

/** A parse problem at a 1-based line and column of the text (0, 0 for a problem with the legend). */
export interface AsciiMapError {
  message: string
  line: number
  col: number
}

/** Either the parsed map or every problem found, never a throw. */
export type AsciiMapResult = { ok: true; map: AsciiMap } | { ok: false; errors: AsciiMapError[] }

/** The object characters most maps use. */
export const DEFAULT_LEGEND: Readonly<Record<string, string>> = Object.freeze({
  F: 'fridge',
  S: 'stove',
  H: 'shower',
  B: 'bed',
  W: 'workstation',
  C: 'counter'
})

const BUILT_IN: Readonly<Record<string, number>> = { '#': TILE_WALL, '.': TILE_FLOOR, ' ': TILE_WALL }

/**
 * Parses `text` into a grid. Lines may differ in length (short rows are padded with wall), and
 * blank lines before and after the drawing are ignored so a template literal can start on its
 * own line; line numbers in errors still count every line of the text.
 */
export function parseAsciiMap(text: string, legend: Record<string, string>): AsciiMapResult {
  const legendErrors = checkLegend(legend)
  if (legendErrors.length > 0) return { ok: false, errors: legendErrors }

  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
  let first = 0
  let last = lines.length - 1
  while (first <= last && lines[first]!.length === 0) first++
  while (last >= first && lines[last]!.length === 0) last--
  const rows = lines.slice(first, last + 1)
  const width = Math.max(0, ...rows.map((row) => row.length))
  if (rows.length === 0 || width === 0) {
    return { ok: false, errors: [{ message: 'the map is empty: draw at least one row of tiles', line: 1, col: 1 }] }
  }

  const height = rows.length
  const tiles = new Uint8Array(width * height).fill(TILE_WALL)
  const objects: AsciiMap['objects'] = []
  const counts = new Map<string, number>()
  const errors: AsciiMapError[] = []
  rows.forEach((row, y) => {
    // Iterate code points so an emoji is reported as one character at one column.
    let x = 0
    for (const char of row) {
      const builtIn = BUILT_IN[char]
      const type = Object.hasOwn(legend, char) ? legend[char] : undefined
      if (builtIn !== undefined) {
        tiles[y * width + x] = builtIn
      } else if (type !== undefined) {
        tiles[y * width + x] = TILE_FLOOR
        const n = (counts.get(type) ?? 0) + 1
        counts.set(type, n)
        objects.push({ id: `${type}_${n}`, type, x, y })
      } else {
        errors.push({
          message: `unknown character ${JSON.stringify(char)} at line ${first + y + 1}, column ${x + 1}: use ${describeLegend(legend)}`,
          line: first + y + 1,
          col: x + 1
        })
      }
      x++
    }
  })
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, map: { width, height, tiles, objects } }
}

/** Legend characters must be single characters that do not shadow the built-in tiles. */
function checkLegend(legend: Record<string, string>): AsciiMapError[] {
  const errors: AsciiMapError[] = []
  for (const [char, type] of Object.entries(legend)) {
    if ([...char].length !== 1) {
      errors.push({ message: `legend key ${JSON.stringify(char)} must be exactly one character`, line: 0, col: 0 })
    } else if (BUILT_IN[char] !== undefined) {
      errors.push({ message: `legend key ${JSON.stringify(char)} is a built-in tile ('#' wall, '.' floor, ' ' outside): pick another character`, line: 0, col: 0 })
    }
    if (!/^[a-z][a-z0-9_]*$/.test(type)) {
      errors.push({ message: `legend type ${JSON.stringify(type)} for ${JSON.stringify(char)} must be lowercase letters, digits and _`, line: 0, col: 0 })
    }
  }
  return errors
}

function describeLegend(legend: Record<string, string>): string {
  const objects = Object.entries(legend).map(([char, type]) => `'${char}' ${type}`)
  return ["'#' wall", "'.' floor", "' ' outside", ...objects].join(', ')
}
