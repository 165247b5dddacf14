/**
 * Lays out a town of any size without randomness: a grid of building plots separated by 2-tile
 * streets. Each house is a walled rectangle with a door onto the street below and a fridge, stove,
 * shower and beds inside; workplaces take two plots and hold a row of workstations. Workplaces are
 * spread evenly among the houses so every commute is short. Same options, same town, every time.
 */
import { TILE_FLOOR, TILE_WALL, type Area, type PlacedObject, type TownMap } from './town-map'

/** How many agents one workplace employs at once: one per workstation. */
export const WORKSTATIONS_PER_WORKPLACE = 8

/** Width of every street, so two agents pass each other and plots never touch. */
export const STREET_WIDTH = 2

/** What to build. */
export interface TownOptions {
  households: number
  workplaces: number
  bedsPerHousehold: number
}

/** The generated town. */
export interface GeneratedTown {
  map: TownMap
}

/** Rows inside a house: objects along the top row and side walls, a walkway below them. */
const INTERIOR_HEIGHT = 5
const MIN_INTERIOR_WIDTH = 6

/**
 * Builds the town for `opts`. Houses are ~8×7 tiles (wider when beds need room), each a home
 * Area `home_<n>` over its interior; workplaces are Areas `work_<n>`. Object ids count per type
 * across the town in generation order (fridge_1 … fridge_N).
 */
export function generateTown(opts: TownOptions): GeneratedTown {
  for (const key of ['households', 'workplaces', 'bedsPerHousehold'] as const) {
    const value = opts[key]
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${key} must be a whole number ≥ 0, got ${value}`)
  }
  // The house template fits interior width + 2 objects; the kitchen and shower take 3 of them.
  const interiorW = Math.max(MIN_INTERIOR_WIDTH, opts.bedsPerHousehold + 1)
  const houseW = interiorW + 2
  const houseH = INTERIOR_HEIGHT + 2
  const plotW = houseW + STREET_WIDTH
  const plotH = houseH + STREET_WIDTH

  const order = buildingOrder(opts.households, opts.workplaces)
  const plots = opts.households + 2 * opts.workplaces
  // Columns such that columns × plotW ≈ rows × plotH; at least 2 so a workplace fits a row.
  const columns = Math.max(2, Math.ceil(Math.sqrt((plots * plotH) / plotW)))
  const placed = placeOnPlots(order, columns)
  const rows = placed.length === 0 ? 0 : placed[placed.length - 1]!.row + 1

  const width = STREET_WIDTH + columns * plotW
  const height = STREET_WIDTH + rows * plotH
  const builder = new TownBuilder(width, height)
  for (const { kind, col, row } of placed) {
    const x = STREET_WIDTH + col * plotW
    const y = STREET_WIDTH + row * plotH
    if (kind === 'home') builder.house(x, y, interiorW, opts.bedsPerHousehold)
    else builder.workplace(x, y, 2 * plotW - STREET_WIDTH, houseH)
  }
  return { map: builder.map }
}

type Kind = 'home' | 'work'

/** Houses in order with workplace j placed just before house ⌊(j+1)·H/(W+1)⌋: evenly spread. */
function buildingOrder(households: number, workplaces: number): Kind[] {
  const order: Kind[] = []
  let work = 0
  for (let house = 0; house < households; house++) {
    while (work < workplaces && Math.floor(((work + 1) * households) / (workplaces + 1)) <= house) {
      order.push('work')
      work++
    }
    order.push('home')
  }
  for (; work < workplaces; work++) order.push('work')
  return order
}

/** Row-major plots; a workplace spans two, and moves to the next row (leaving a plaza) if one is left. */
function placeOnPlots(order: Kind[], columns: number): { kind: Kind; col: number; row: number }[] {
  const placed: { kind: Kind; col: number; row: number }[] = []
  let col = 0
  let row = 0
  for (const kind of order) {
    const span = kind === 'work' ? 2 : 1
    if (col + span > columns) {
      col = 0
      row++
    }
    placed.push({ kind, col, row })
    col += span
  }
  return placed
}

/** Accumulates tiles, objects and areas, numbering ids per type in the order things are built. */
class TownBuilder {
  readonly map: TownMap
  private readonly counts = new Map<string, number>()

  constructor(width: number, height: number) {
    this.map = { width, height, tiles: new Uint8Array(width * height).fill(TILE_FLOOR), objects: [], homes: [], workplaces: [] }
  }

  /**
   * A house at (x, y). Objects stand on the interior's top row (not the corners) and on rows 2–3
   * of the side walls: every one borders the open core, and each interior corner keeps an open
   * neighbour, so no use tile is ever walled in by objects.
   */
  house(x: number, y: number, interiorW: number, beds: number): void {
    this.walls(x, y, interiorW + 2, INTERIOR_HEIGHT + 2)
    const slots: [number, number][] = []
    for (let ix = 1; ix <= interiorW - 2; ix++) slots.push([ix, 0])
    slots.push([0, 2], [0, 3], [interiorW - 1, 2], [interiorW - 1, 3])
    const types = ['fridge', 'stove', 'shower', ...Array.from({ length: beds }, () => 'bed')]
    types.forEach((type, i) => {
      const [ix, iy] = slots[i]!
      this.object(type, x + 1 + ix, y + 1 + iy)
    })
    this.map.homes.push(this.area('home', this.map.homes.length + 1, x, y, interiorW + 2, INTERIOR_HEIGHT + 2))
  }

  /** A workplace: one row of workstations across the middle, walkways above and below it. */
  workplace(x: number, y: number, w: number, h: number): void {
    this.walls(x, y, w, h)
    const interiorW = w - 2
    const first = Math.floor((interiorW - (2 * WORKSTATIONS_PER_WORKPLACE - 1)) / 2)
    for (let k = 0; k < WORKSTATIONS_PER_WORKPLACE; k++) this.object('workstation', x + 1 + first + 2 * k, y + 3)
    this.map.workplaces.push(this.area('work', this.map.workplaces.length + 1, x, y, w, h))
  }

  /** The walled outline of a building, with a door gap in the middle of its bottom wall. */
  private walls(x: number, y: number, w: number, h: number): void {
    const { width, tiles } = this.map
    for (let i = 0; i < w; i++) {
      tiles[y * width + x + i] = TILE_WALL
      tiles[(y + h - 1) * width + x + i] = TILE_WALL
    }
    for (let j = 0; j < h; j++) {
      tiles[(y + j) * width + x] = TILE_WALL
      tiles[(y + j) * width + x + w - 1] = TILE_WALL
    }
    tiles[(y + h - 1) * width + x + Math.floor(w / 2)] = TILE_FLOOR
  }

  private object(type: string, x: number, y: number): void {
    const n = (this.counts.get(type) ?? 0) + 1
    this.counts.set(type, n)
    const object: PlacedObject = { id: `${type}_${n}`, type, x, y }
    this.map.objects.push(object)
  }

  /** The building's interior: standing inside counts as being there, the doorway does not. */
  private area(prefix: string, n: number, x: number, y: number, w: number, h: number): Area {
    return { id: `${prefix}_${n}`, x: x + 1, y: y + 1, w: w - 2, h: h - 2 }
  }
}
