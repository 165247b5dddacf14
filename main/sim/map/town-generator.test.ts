import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkReachability } from './reachability'
import { generateTown, WORKSTATIONS_PER_WORKPLACE } from './town-generator'
import { areaContains, type TownMap } from './town-map'

function countByType(map: TownMap): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const o of map.objects) counts[o.type] = (counts[o.type] ?? 0) + 1
  return counts
}

describe('generateTown', () => {
  it('builds the asked-for homes, workplaces and objects with town-wide ids', () => {
    const { map } = generateTown({ households: 7, workplaces: 2, bedsPerHousehold: 3 })
    expect(map.homes.map((h) => h.id)).toEqual(['home_1', 'home_2', 'home_3', 'home_4', 'home_5', 'home_6', 'home_7'])
    expect(map.workplaces.map((w) => w.id)).toEqual(['work_1', 'work_2'])
    expect(countByType(map)).toEqual({ fridge: 7, stove: 7, shower: 7, bed: 21, workstation: 2 * WORKSTATIONS_PER_WORKPLACE })
    const fridges = map.objects.filter((o) => o.type === 'fridge').map((o) => o.id)
    expect(fridges).toEqual(['fridge_1', 'fridge_2', 'fridge_3', 'fridge_4', 'fridge_5', 'fridge_6', 'fridge_7'])
    expect(new Set(map.objects.map((o) => o.id)).size).toBe(map.objects.length)
    expect(checkReachability(map)).toEqual([])
  })

  it('puts each household’s objects inside its home and workstations inside workplaces', () => {
    const { map } = generateTown({ households: 5, workplaces: 2, bedsPerHousehold: 2 })
    const fridges = map.objects.filter((o) => o.type === 'fridge')
    map.homes.forEach((home, i) => expect(areaContains(home, fridges[i]!.x, fridges[i]!.y)).toBe(true))
    for (const ws of map.objects.filter((o) => o.type === 'workstation')) {
      expect(map.workplaces.some((w) => areaContains(w, ws.x, ws.y))).toBe(true)
    }
  })

  it('spreads workplaces among the houses', () => {
    const { map } = generateTown({ households: 40, workplaces: 3, bedsPerHousehold: 1 })
    // In generation order, workplace j follows about (j+1)·40/4 houses.
    const fridgeRows = map.objects.filter((o) => o.type === 'fridge').map((o) => o.y)
    const workRows = map.workplaces.map((w) => w.y)
    expect(Math.min(...workRows)).toBeGreaterThan(Math.min(...fridgeRows))
    expect(Math.max(...workRows)).toBeLessThan(Math.max(...fridgeRows))
  })

  it('is deterministic', () => {
    const a = generateTown({ households: 12, workplaces: 2, bedsPerHousehold: 2 }).map
    const b = generateTown({ households: 12, workplaces: 2, bedsPerHousehold: 2 }).map
    expect(a).toEqual(b)
  })

  it('passes reachability and keeps its counts for any small town', () => {
    const opts = fc.record({
      households: fc.integer({ min: 1, max: 60 }),
      workplaces: fc.integer({ min: 1, max: 8 }),
      bedsPerHousehold: fc.integer({ min: 0, max: 9 })
    })
    fc.assert(
      fc.property(opts, ({ households, workplaces, bedsPerHousehold }) => {
        const { map } = generateTown({ households, workplaces, bedsPerHousehold })
        expect(checkReachability(map)).toEqual([])
        expect(map.homes).toHaveLength(households)
        expect(map.workplaces).toHaveLength(workplaces)
        const counts = countByType(map)
        expect(counts.fridge).toBe(households)
        expect(counts.bed ?? 0).toBe(households * bedsPerHousehold)
        expect(counts.workstation).toBe(workplaces * WORKSTATIONS_PER_WORKPLACE)
      }),
      { numRuns: 60 }
    )
  })

  it('lays out a 2,500-household town, roughly square, that passes reachability', () => {
    const { map } = generateTown({ households: 2500, workplaces: 125, bedsPerHousehold: 2 })
    expect(map.homes).toHaveLength(2500)
    expect(map.workplaces).toHaveLength(125)
    expect(map.width / map.height).toBeGreaterThan(0.8)
    expect(map.width / map.height).toBeLessThan(1.25)
    expect(checkReachability(map)).toEqual([])
  })

  it('refuses negative or fractional counts', () => {
    expect(() => generateTown({ households: -1, workplaces: 1, bedsPerHousehold: 1 })).toThrow(RangeError)
    expect(() => generateTown({ households: 1, workplaces: 1.5, bedsPerHousehold: 1 })).toThrow(/workplaces/)
  })
})
