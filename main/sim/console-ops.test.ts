import { describe, expect, it } from 'vitest'
import { ConsoleOpSchema } from '../console/console-op-schema'
import { DOMAIN_OPS } from './console-ops'
import { findAgent } from './state/agent-store'
import { testWorld } from './testing/test-world'
import { tick } from './tick'
import { summarizeWorld } from './world-summary'

const TOWN = `config_id: c
seed: 1
world:
  population: 2
  tile_capacity: 2
  layout:
    map: |
      ########
      #......#
      #.F..B.#
      #......#
      ########
    homes:
      - { id: flat, area: [1, 1, 6, 3] }
`
const results = (events: ReturnType<typeof tick>) => events.filter((e) => e.type === 'console.result')

describe('console operations in the tick', () => {
  it('spawns an agent at home with default needs, and refuses a duplicate id', () => {
    const world = testWorld(TOWN)
    const events = tick(world, { decisions: [], console: [{ op: 'spawn', id: 'zed', cmd_id: 'c1' }, { op: 'spawn', id: 'zed', cmd_id: 'c2' }] })
    expect(results(events)).toEqual([
      expect.objectContaining({ cmd_id: 'c1', status: 'ok', result: expect.objectContaining({ agent_id: 'zed', home: 'flat' }) }),
      expect.objectContaining({ cmd_id: 'c2', status: 'error', code: 'console.conflict' })
    ])
    expect(events.some((e) => e.type === 'agent_spawned')).toBe(true)
    const i = findAgent(world.state.agents, 'zed')
    expect(world.state.agents.cols.hunger[i]).toBeCloseTo(0.7 - world.params.decay.hunger)
    expect(summarizeWorld(world).agents).toBe(3)
  })

  it('kills an agent: it leaves its queue and tile, and later commands on it are refused', () => {
    const world = testWorld(TOWN)
    const i = 0
    const tile = world.state.agents.cols.y[i]! * world.params.map.width + world.state.agents.cols.x[i]!
    const before = world.state.tileCount[tile]!
    tick(world, { decisions: [{ agent: i, option: 'eat', object: 0 }], console: [] })
    const events = tick(world, { decisions: [], console: [{ op: 'kill', agent: i }, { op: 'set_need', agent: i, need: 'hunger', value: 0.2 }] })
    expect(results(events).map((r) => r.status)).toEqual(['ok', 'error'])
    expect(results(events)[1]).toMatchObject({ code: 'console.not_found' })
    expect(world.state.agents.cols.alive[i]).toBe(0)
    expect(world.state.objects.holder[0]).not.toBe(i)
    expect(world.state.objects.queue[0]!.some((e) => e.agent === i)).toBe(false)
    expect(summarizeWorld(world).agents).toBe(1)
    const now = world.state.agents.cols.y[i]! * world.params.map.width + world.state.agents.cols.x[i]!
    expect(world.state.tileCount[now]).toBe(now === tile ? before - 1 : world.state.tileCount[now])
  })

  it('teleports onto open floor only, and never over the tile capacity', () => {
    const world = testWorld(TOWN)
    const wall = tick(world, { decisions: [], console: [{ op: 'teleport', agent: 0, x: 0, y: 0 }] })
    expect(results(wall)[0]).toMatchObject({ status: 'error', code: 'console.invalid_args' })
    const ok = tick(world, { decisions: [], console: [{ op: 'teleport', agent: 0, x: 6, y: 3 }, { op: 'teleport', agent: 1, x: 6, y: 3 }] })
    expect(results(ok).map((r) => r.status)).toEqual(['ok', 'ok'])
    const third = tick(world, { decisions: [], console: [{ op: 'spawn', id: 'zed', at: [6, 3] }] })
    expect(results(third)[0]).toMatchObject({ status: 'error', message: expect.stringContaining('full') })
  })

  it('sets, adds to and multiplies a price', () => {
    const world = testWorld(TOWN)
    tick(world, { decisions: [], console: [{ op: 'set_price', key: 'meal_cost', value: 1 }, { op: 'set_price', key: 'meal_cost', value: 0.5, mode: 'add' }, { op: 'set_price', key: 'meal_cost', value: 2, mode: 'multiply' }] })
    expect(world.state.prices.meal_cost).toBe(3)
  })
})

describe('the merged op table', () => {
  it('gives every console op exactly one owning domain', () => {
    const owners = new Map<string, string[]>()
    for (const [domain, handlers] of Object.entries(DOMAIN_OPS)) {
      for (const name of Object.keys(handlers)) owners.set(name, [...(owners.get(name) ?? []), domain])
    }
    // A spread would silently let a later domain override an earlier one's handler.
    expect([...owners].filter(([, domains]) => domains.length > 1)).toEqual([])
    const schemaOps = ConsoleOpSchema.options.map((o) => o.shape.op.value).sort()
    expect([...owners.keys()].sort()).toEqual(schemaOps)
  })
})
