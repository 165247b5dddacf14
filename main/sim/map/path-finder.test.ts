import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LEGEND, parseAsciiMap } from './ascii-map'
import { PathFinder } from './path-finder'
import { generateTown } from './town-generator'
import { buildBlockedMask, useTiles, type TownMap } from './town-map'

function town(text: string): TownMap {
  const parsed = parseAsciiMap(text, DEFAULT_LEGEND)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  return { ...parsed.map, homes: [], workplaces: [] }
}

/** Plain BFS distance from `from` to the nearest goal over open tiles, or -1. */
function bfsDistance(width: number, height: number, blocked: Uint8Array, from: number, goals: number[]): number {
  const goalSet = new Set(goals)
  if (goalSet.has(from)) return 0
  const dist = new Int32Array(width * height).fill(-1)
  dist[from] = 0
  const queue = [from]
  for (let head = 0; head < queue.length; head++) {
    const cur = queue[head]!
    const x = cur % width
    const y = Math.floor(cur / width)
    const around: [number, number][] = [[x, y - 1], [x - 1, y], [x + 1, y], [x, y + 1]]
    for (const [nx, ny] of around) {
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue
      const n = ny * width + nx
      if (blocked[n] !== 0 || dist[n] !== -1) continue
      dist[n] = dist[cur]! + 1
      if (goalSet.has(n)) return dist[n]!
      queue.push(n)
    }
  }
  return -1
}

const grids = fc
  .record({ width: fc.integer({ min: 1, max: 14 }), height: fc.integer({ min: 1, max: 14 }) })
  .chain(({ width, height }) =>
    fc.record({
      width: fc.constant(width),
      height: fc.constant(height),
      blocked: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: width * height, maxLength: width * height }),
      density: fc.integer({ min: 0, max: 45 }),
      from: fc.nat(width * height - 1),
      goals: fc.array(fc.nat(width * height - 1), { minLength: 1, maxLength: 20 })
    })
  )
  .map(({ width, height, blocked, density, from, goals }) => ({
    width,
    height,
    blocked: Uint8Array.from(blocked, (roll, i) => (i === from ? 0 : roll < density ? 1 : 0)),
    from,
    goals
  }))

describe('PathFinder', () => {
  it('finds a shortest path around walls and objects', () => {
    const map = town(`
#######
#..#..#
#.B#..#
#.....#
#######`)
    const blocked = buildBlockedMask(map)
    const finder = new PathFinder(map, blocked)
    const from = 1 * 7 + 1
    const goal = 1 * 7 + 5
    const path = finder.find(from, [goal])!
    expect(path).toHaveLength(8)
    expect(path[path.length - 1]).toBe(goal)
    expect(Array.from(path)).not.toContain(from)
  })

  it('returns an empty path at a goal and null when no goal is reachable', () => {
    const map = town(`
.#.
.#.`)
    const finder = new PathFinder(map, buildBlockedMask(map))
    expect(finder.find(0, [3, 0])).toEqual(new Int32Array(0))
    expect(finder.find(0, [2, 5])).toBeNull()
    expect(finder.find(0, [1])).toBeNull() // a wall is never entered
    expect(finder.find(0, [])).toBeNull()
  })

  it('never wraps from the end of one row onto the next', () => {
    // Tile 3 ends row 0 and tile 4 starts row 1: adjacent indices, not neighbours.
    const map = town(`
#.#.
.#.#`)
    const finder = new PathFinder(map, buildBlockedMask(map))
    expect(finder.find(3, [4])).toBeNull()
    expect(finder.find(4, [3])).toBeNull()
  })

  /** Asserts that path is a shortest walk from `from` to one of `goals`, or null exactly when none exists. */
  function expectShortest(width: number, height: number, blocked: Uint8Array, from: number, goals: number[], path: Int32Array | null): void {
    const distance = bfsDistance(width, height, blocked, from, goals)
    if (distance === -1) {
      expect(path).toBeNull()
      return
    }
    expect(path).not.toBeNull()
    expect(path!.length).toBe(distance)
    let prev = from
    for (const step of path!) {
      const dx = Math.abs((step % width) - (prev % width))
      const dy = Math.abs(Math.floor(step / width) - Math.floor(prev / width))
      expect(dx + dy).toBe(1)
      expect(blocked[step]).toBe(0)
      prev = step
    }
    if (path!.length > 0) expect(goals).toContain(path![path!.length - 1])
  }

  it('matches BFS distance, steps on open 4-neighbours, and is null exactly when BFS finds nothing', () => {
    // Small budgets make A* run outside the goal perimeter; 0 is plain A*; the default usually
    // answers these small grids from the backward search alone.
    fc.assert(
      fc.property(grids, fc.constantFrom(0, 1, 3, 16, 256), ({ width, height, blocked, from, goals }, perimeterBudget) => {
        const finder = new PathFinder({ width, height }, blocked, { perimeterBudget })
        expectShortest(width, height, blocked, from, goals, finder.find(from, goals))
      }),
      { numRuns: 600 }
    )
  })

  it('finds shortest paths between buildings of a generated town', () => {
    const { map } = generateTown({ households: 24, workplaces: 3, bedsPerHousehold: 2 })
    const blocked = buildBlockedMask(map)
    const finder = new PathFinder(map, blocked)
    const open = [...blocked.keys()].filter((i) => blocked[i] === 0)
    const usable = map.objects.map((o) => useTiles(map, blocked, o))
    fc.assert(
      fc.property(fc.nat(open.length - 1), fc.nat(usable.length - 1), fc.nat(open.length - 1), (a, object, b) => {
        expectShortest(map.width, map.height, blocked, open[a]!, usable[object]!, finder.find(open[a]!, usable[object]!))
        expectShortest(map.width, map.height, blocked, open[a]!, [open[b]!], finder.find(open[a]!, [open[b]!]))
      }),
      { numRuns: 300 }
    )
  })

  it('leaves a blocked start tile', () => {
    const map = town(`
.F.
...`)
    const blocked = buildBlockedMask(map)
    for (const perimeterBudget of [0, 256]) {
      const finder = new PathFinder(map, blocked, { perimeterBudget })
      expect(Array.from(finder.find(1, [5])!)).toHaveLength(2)
    }
  })

  it('gives the same path from a fresh finder, a reused finder and a cached answer', () => {
    fc.assert(
      fc.property(grids, grids, (a, b) => {
        const fresh = new PathFinder(a, a.blocked, { cacheSize: 0 }).find(a.from, a.goals)
        const reused = new PathFinder(a, a.blocked, { cacheSize: 0 })
        reused.find(a.from, a.goals.slice(0, 1))
        if (b.width * b.height === a.width * a.height) reused.find(b.from, b.goals)
        expect(reused.find(a.from, a.goals)).toEqual(fresh)
      })
    )
  })

  it('serves repeated queries from a bounded LRU cache', () => {
    const map = town(`
.....
.....`)
    const finder = new PathFinder(map, buildBlockedMask(map), { cacheSize: 2 })
    const first = finder.find(0, [4])
    expect(finder.find(0, [4])).toBe(first)
    expect(finder.stats()).toEqual({ searches: 1, cacheHits: 1 })
    finder.find(0, [9]) // cache: 0:4, 0:9
    finder.find(0, [4]) // touch 0:4 → 0:9 is now the oldest
    finder.find(5, [9]) // evicts 0:9
    expect(finder.stats()).toEqual({ searches: 3, cacheHits: 2 })
    finder.find(0, [4])
    finder.find(0, [9])
    expect(finder.stats()).toEqual({ searches: 4, cacheHits: 3 })
    finder.find(2, [3]) // unreachable answers are cached too
    expect(finder.find(0, [1, 2])).not.toBeNull()
    finder.clearCache()
    finder.find(0, [4])
    expect(finder.stats().searches).toBe(7)
  })

  it('caches unreachable answers', () => {
    const map = town('.#.')
    const finder = new PathFinder(map, buildBlockedMask(map))
    expect(finder.find(0, [2])).toBeNull()
    expect(finder.find(0, [2])).toBeNull()
    expect(finder.stats()).toEqual({ searches: 1, cacheHits: 1 })
  })

  it('refuses tiles outside the map and a mask of the wrong size', () => {
    const map = town('...')
    const finder = new PathFinder(map, buildBlockedMask(map))
    expect(() => finder.find(3, [0])).toThrow(RangeError)
    expect(() => finder.find(0, [-1])).toThrow(RangeError)
    expect(() => new PathFinder(map, new Uint8Array(2))).toThrow(/buildBlockedMask/)
  })
})
