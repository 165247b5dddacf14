import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../hash/canonical-json'
import { worldSnapshot } from '../hash/world-snapshot'
import { testWorld } from '../testing/test-world'
import type { World } from '../state/world'
import { spawnAgent } from './spawn-agent'
import { Spawner, spawnAgents, type SpawnOp } from './spawn-agents'

// Three homes, a workplace with a workstation and one without, jobs tied to each (the generated town below has jobs free of a workplace).
const TOWN = `config_id: spawn_batch
seed: 3
world:
  population: 4
  tile_capacity: 2
  layout:
    map: |
      ##############
      #....#...#...#
      #.F..#.B.#.W.#
      #....#...#...#
      #............#
      #..S.....H...#
      ##############
    homes:
      - { id: north, area: [1, 1, 4, 3] }
      - { id: middle, area: [6, 1, 3, 3] }
      - { id: south, area: [1, 4, 4, 2] }
    workplaces:
      - { id: shop, area: [10, 1, 3, 3] }
      - { id: office, area: [6, 4, 7, 2] }
jobs:
  clerk: { workplace: shop, start: "09:00", end: "17:00" }
  cleaner: { workplace: office, start: "06:00", end: "14:00" }
`

const GENERATED = `config_id: spawn_generated
seed: 5
world:
  population: 9
  generate: { agents_per_household: 2, households_per_workplace: 2 }
jobs:
  day: { start: "09:00", end: "17:00" }
  early: { start: "06:00", end: "14:00" }
`

const unit = fc.double({ min: 0, max: 1, noNaN: true })
const specs = (width: number, height: number) =>
  fc.array(
    fc.record(
      {
        // A small pool, so some ids collide with the town's and with each other.
        id: fc.constantFrom('agent_0', 'agent_1', 'zed', 'ann', 'bo', 'cy', 'di', 'ed', 'flo'),
        at: fc.tuple(fc.integer({ min: 0, max: width + 1 }), fc.integer({ min: 0, max: height + 1 })),
        home: fc.constantFrom('north', 'middle', 'south', 'nowhere', 'household_0', 'household_3'),
        job: fc.constantFrom<string | null>('clerk', 'cleaner', 'roamer', 'day', 'early', 'pilot', null),
        needs: fc.record({ hunger: unit, hygiene: unit, energy: unit }, { requiredKeys: [] }),
        wallet: fc.double({ min: -10, max: 100, noNaN: true })
      },
      { requiredKeys: ['id'] }
    ).map((s): SpawnOp => ({ op: 'spawn', ...s })),
    { maxLength: 40 }
  )

/** Everything a spawn may change: the world JSON, tile occupancy and the events emitted. */
function fingerprint(world: World): string {
  return canonicalJson({ world: worldSnapshot(world), tiles: Array.from(world.state.tileCount), events: world.state.events })
}

describe.each([
  ['a drawn town', TOWN],
  ['a generated town', GENERATED]
])('spawnAgents in %s', (_name, yaml) => {
  const { width, height } = testWorld(yaml).params.map

  it('gives the same outcomes and the same world as spawning one at a time', () => {
    fc.assert(
      fc.property(specs(width, height), (ops) => {
        const one = testWorld(yaml)
        const batch = testWorld(yaml)
        const singly = ops.map((op) => spawnAgent(one, op))
        expect(spawnAgents(batch, ops)).toEqual(singly)
        expect(fingerprint(batch)).toBe(fingerprint(one))
      }),
      { numRuns: 60 }
    )
  })

  it('keeps its counts true when workers are reassigned between spawns', () => {
    fc.assert(
      fc.property(specs(width, height), fc.array(fc.nat(), { maxLength: 40 }), (ops, moves) => {
        const one = testWorld(yaml)
        const batch = testWorld(yaml)
        const spawner = new Spawner(batch)
        const workplaces = one.params.workplaces.length
        ops.forEach((op, k) => {
          expect(spawner.spawn(op)).toEqual(spawnAgent(one, op))
          const move = moves[k]
          if (move === undefined || workplaces === 0) return
          const agent = move % one.state.agents.count
          const to = move % workplaces
          spawner.reassign(agent, to)
          new Spawner(one).reassign(agent, to)
        })
        expect(fingerprint(batch)).toBe(fingerprint(one))
      }),
      { numRuns: 40 }
    )
  })
})

describe('Spawner', () => {
  it('fills the emptiest home first, the first of equals, and refuses a taken id', () => {
    const world = testWorld(TOWN)
    const homes = () => Array.from(world.state.agents.cols.home.subarray(0, world.state.agents.count))
    expect(homes()).toEqual([0, 1, 2, 0])
    const out = spawnAgents(world, [{ op: 'spawn', id: 'a' }, { op: 'spawn', id: 'b' }, { op: 'spawn', id: 'a' }, { op: 'spawn', id: 'c' }])
    expect(out.map((o) => (o.ok ? o.value.home : o.code))).toEqual(['middle', 'south', 'console.conflict', 'north'])
    expect(homes()).toEqual([0, 1, 2, 0, 1, 2, 0])
  })
})
