/**
 * Checks that a town can be lived in: every object can be used from an open tile, and an agent
 * anywhere in the town can walk to every object and into every home and workplace. A map that
 * fails would strand agents in ways that look like policy bugs, so it is refused up front.
 */
import { buildBlockedMask, inGrid, tileIndex, TILE_FLOOR, useTiles, type Area, type TownMap } from './town-map'

/**
 * Every problem with the map, each naming the object or area, its coordinates and how to fix it;
 * empty when the map is sound.
 */
export function checkReachability(map: TownMap): string[] {
  const problems = checkShape(map)
  if (problems.length > 0) return problems

  const blocked = buildBlockedMask(map)
  const component = labelComponents(map, blocked)
  const objectTiles = map.objects.map((object) => (inGrid(map, object.x, object.y) ? useTiles(map, blocked, object) : []))
  const areas = [...map.homes, ...map.workplaces]
  const areaTiles = areas.map((area) => (areaInGrid(map, area) ? walkableIn(area, map, blocked) : []))
  const main = mainComponent(component, [...objectTiles, ...areaTiles])

  map.objects.forEach((object, i) => {
    const where = `${object.id} at ${at(object.x, object.y)}`
    if (!inGrid(map, object.x, object.y)) {
      problems.push(`${where} is outside the ${map.width}×${map.height} map: move it inside`)
      return
    }
    if (map.tiles[tileIndex(map, object.x, object.y)] !== TILE_FLOOR) {
      problems.push(`${where} stands on a wall: move it onto a floor tile`)
    }
    const tiles = objectTiles[i]!
    if (tiles.length === 0) {
      problems.push(`${where} has no open floor tile beside it: clear a neighbouring tile`)
    } else if (tiles.every((t) => component[t] !== main)) {
      problems.push(`${where} cannot be reached from the rest of the town: open a door in the wall around it`)
    } else {
      for (const t of tiles.filter((t) => component[t] !== main)) {
        problems.push(`${where} is used from ${atIndex(map, t)}, which is cut off from the rest of the town: clear a path to it or block it`)
      }
    }
  })

  areas.forEach((area, i) => {
    const where = `${area.id} at ${at(area.x, area.y)} (${area.w}×${area.h})`
    if (!areaInGrid(map, area)) {
      problems.push(`${where} does not fit inside the ${map.width}×${map.height} map: move or shrink it`)
      return
    }
    const tiles = areaTiles[i]!
    if (tiles.length === 0) {
      problems.push(`${where} has no open floor tile inside it: clear a tile`)
    } else if (tiles.every((t) => component[t] !== main)) {
      problems.push(`${where} cannot be reached from the rest of the town: open a door in the wall around it`)
    }
  })
  return problems
}

/** Problems that make the rest of the check meaningless or ambiguous: a broken grid, clashing ids. */
function checkShape(map: TownMap): string[] {
  const problems: string[] = []
  if (!Number.isInteger(map.width) || !Number.isInteger(map.height) || map.width < 1 || map.height < 1) {
    problems.push(`the map is ${map.width}×${map.height}: width and height must be positive integers`)
  } else if (map.tiles.length !== map.width * map.height) {
    problems.push(`the map has ${map.tiles.length} tiles but is ${map.width}×${map.height}: give it width × height tiles`)
  }
  if (problems.length > 0) return problems

  const ids = new Set<string>()
  const tileOwner = new Map<number, string>()
  for (const object of map.objects) {
    if (ids.has(object.id)) problems.push(`two objects are named ${object.id}: give each object a unique id`)
    ids.add(object.id)
    if (!inGrid(map, object.x, object.y)) continue
    const idx = tileIndex(map, object.x, object.y)
    const other = tileOwner.get(idx)
    if (other !== undefined) problems.push(`${other} and ${object.id} both stand on ${at(object.x, object.y)}: move one of them`)
    else tileOwner.set(idx, object.id)
  }
  const areaIds = new Set<string>()
  for (const area of [...map.homes, ...map.workplaces]) {
    if (areaIds.has(area.id)) problems.push(`two areas are named ${area.id}: give each area a unique id`)
    areaIds.add(area.id)
  }
  return problems
}

/** Component label per tile (-1 for blocked), by flood fill in index order so labels are stable. */
function labelComponents(map: TownMap, blocked: Uint8Array): Int32Array {
  const { width } = map
  const label = new Int32Array(blocked.length).fill(-1)
  const stack = new Int32Array(blocked.length)
  let next = 0
  for (let seed = 0; seed < blocked.length; seed++) {
    if (blocked[seed] !== 0 || label[seed] !== -1) continue
    label[seed] = next
    let top = 0
    stack[top++] = seed
    while (top > 0) {
      const idx = stack[--top]!
      const x = idx % width
      // -1 marks a missing neighbour at the grid's edge (no wrap onto the next row).
      for (const n of [idx >= width ? idx - width : -1, x > 0 ? idx - 1 : -1, x < width - 1 ? idx + 1 : -1, idx + width < blocked.length ? idx + width : -1]) {
        if (n >= 0 && blocked[n] === 0 && label[n] === -1) {
          label[n] = next
          stack[top++] = n
        }
      }
    }
    next++
  }
  return label
}

/**
 * The component that "is the town": the one touched by the most objects and areas, then the
 * larger, then the lower label, so the few cut-off places are the ones reported, not the town.
 */
function mainComponent(component: Int32Array, groups: number[][]): number {
  const votes = new Map<number, number>()
  for (const tiles of groups) {
    for (const label of new Set(tiles.map((t) => component[t]!))) votes.set(label, (votes.get(label) ?? 0) + 1)
  }
  const sizes = new Map<number, number>()
  for (const label of component) if (votes.has(label)) sizes.set(label, (sizes.get(label) ?? 0) + 1)
  let best = -1
  for (const label of votes.keys()) {
    if (best === -1 || compare(label, best) < 0) best = label
  }
  return best

  function compare(a: number, b: number): number {
    return votes.get(b)! - votes.get(a)! || sizes.get(b)! - sizes.get(a)! || a - b
  }
}

function walkableIn(area: Area, map: TownMap, blocked: Uint8Array): number[] {
  const tiles: number[] = []
  for (let y = area.y; y < area.y + area.h; y++) {
    for (let x = area.x; x < area.x + area.w; x++) {
      const idx = tileIndex(map, x, y)
      if (blocked[idx] === 0) tiles.push(idx)
    }
  }
  return tiles
}

function areaInGrid(map: TownMap, area: Area): boolean {
  return (
    inGrid(map, area.x, area.y) && Number.isInteger(area.w) && Number.isInteger(area.h) &&
    area.w > 0 && area.h > 0 && area.x + area.w <= map.width && area.y + area.h <= map.height
  )
}

function at(x: number, y: number): string {
  return `(${x}, ${y})`
}

function atIndex(map: TownMap, idx: number): string {
  return at(idx % map.width, Math.floor(idx / map.width))
}
