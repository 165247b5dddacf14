import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashWorld } from '../hash/hash-world'
import { findAgent } from '../state/agent-store'
import { lifecycleTown, runner } from './lifecycle-test-towns'
import { lifecycleFromJSON, lifecycleToJSON } from './lifecycle-json'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const GATE_OPEN = 'faint_after_ticks: 0, exit_cooldown_ticks: 0, max_exits_per_day: 0'

/** Everyone starves at tick 1 and leaves at once; replacements come with fresh (non-starving) needs. */
function everyoneFaints(seed: number, lifecycle = '') {
  const world = lifecycleTown({ population: 24, seed, lifecycle: `${GATE_OPEN}${lifecycle ? `, ${lifecycle}` : ''}` })
  for (let i = 0; i < 24; i++) world.state.agents.cols.hunger[i] = 0
  const run = runner(world)
  run.until(30)
  return { world, run }
}

describe('respawn', () => {
  it('replaces each leaver 5 to 20 ticks later, in its home, with a new job and fresh needs', () => {
    const { world, run } = everyoneFaints(7)
    const exits = run.ofType('agent_exit')
    const respawns = run.ofType('agent_respawn')
    expect(exits).toHaveLength(24)
    expect(respawns).toHaveLength(24)
    const delays = respawns.map((r) => r.tick - 1)
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(5)
    for (const d of delays) expect(d).toBeLessThanOrEqual(20)
    expect(new Set(delays).size).toBeGreaterThan(4) // drawn, not fixed
    const a = world.state.agents.cols
    for (const r of respawns) {
      const left = world.state.agents.ids.indexOf(String(r.original_agent_id))
      const i = findAgent(world.state.agents, String(r.agent_id))
      expect(r.agent_id).toBe(`${r.original_agent_id}#1`)
      expect(i).toBeGreaterThanOrEqual(24) // a new slot
      expect(a.home[i]).toBe(a.home[left])
      expect(a.homeTile[i]).toBe(a.homeTile[left])
      const leaverJob = exits.find((e) => e.agent_id === r.original_agent_id)!.job_id
      expect(r.job_id).toBe(leaverJob === 'clerk' ? 'porter' : 'clerk') // the next job in turn
      for (const need of ['hunger', 'hygiene', 'energy'] as const) {
        expect(a[need][i]).toBeGreaterThanOrEqual(0.5)
        expect(a[need][i]).toBeLessThanOrEqual(1)
      }
      expect(a.wallet[i]).toBe(world.params.startingWallet)
    }
    expect(world.state.lifecycle.respawns).toEqual([])
    expect(world.state.lifecycle.totals.respawns).toBe(24)
  })

  it('draws the same delays for the same seed (same hash) and others for another seed', () => {
    const ticks = (seed: number) => everyoneFaints(seed).run.ofType('agent_respawn').map((r) => [r.agent_id, r.tick])
    expect(ticks(7)).toEqual(ticks(7))
    expect(ticks(8)).not.toEqual(ticks(7))
    expect(hashWorld(everyoneFaints(7).world, sha256)).toBe(hashWorld(everyoneFaints(7).world, sha256))
  })

  it('names a replacement of a replacement after the same origin', () => {
    const world = lifecycleTown({ population: 1, lifecycle: `${GATE_OPEN}, respawn_min_ticks: 2, respawn_max_ticks: 2` })
    world.state.agents.cols.hunger[0] = 0
    const run = runner(world)
    run.until(3) // alice leaves at 1, alice#1 arrives at 3
    world.state.agents.cols.hunger[findAgent(world.state.agents, 'alice#1')] = 0
    run.until(6)
    expect(run.ofType('agent_respawn').map((r) => [r.tick, r.agent_id, r.original_agent_id, r.origin_agent_id])).toEqual([
      [3, 'alice#1', 'alice', 'alice'],
      [6, 'alice#2', 'alice#1', 'alice']
    ])
    expect(world.state.agents.ids).toEqual(['alice', 'alice#1', 'alice#2'])
  })

  it('runs the configured exit and spawn hooks', () => {
    const world = lifecycleTown({ population: 1, jobs: false, lifecycle: `${GATE_OPEN}, exit_hooks: [log_exit, clear_cooldowns], spawn_hooks: [inherit_wallet, log_spawn]` })
    world.state.agents.cols.hunger[0] = 0
    world.state.agents.cols.wallet[0] = 1.25
    world.state.objects.cooldowns[0]!.set(0, 99)
    const run = runner(world)
    run.until(25)
    expect(run.ofType('agent_exit_record')).toEqual([expect.objectContaining({ agent_id: 'alice', reason: 'faint', hunger: 0, wallet: 1.25, home: 'flat' })])
    expect(world.state.objects.cooldowns[0]!.has(0)).toBe(false)
    expect(run.ofType('agent_spawn_record')).toEqual([expect.objectContaining({ agent_id: 'alice#1', original_agent_id: 'alice', wallet: 1.25, job_id: null })])
    expect(world.state.agents.cols.wallet[1]).toBe(1.25)
  })

  it('does not replace leavers with respawn off', () => {
    const { run } = everyoneFaints(7, 'respawn: false')
    expect(run.ofType('agent_respawn')).toHaveLength(0)
  })

  it('keeps its state as plain data that round-trips through a snapshot', () => {
    const { world } = everyoneFaints(3, 'respawn_min_ticks: 100, respawn_max_ticks: 200')
    const snapshot = JSON.parse(JSON.stringify(lifecycleToJSON(world.state.lifecycle))) as Record<string, unknown> & { respawns: unknown[] }
    expect(snapshot.respawns).toHaveLength(24)
    const { params, state } = world
    const bounds = { agents: state.agents.count, homes: params.homes.length, jobs: params.jobs.length, workplaces: params.workplaces.length, tiles: params.map.width * params.map.height }
    const restored = lifecycleFromJSON(snapshot, bounds)
    expect(restored.ok && restored.value).toEqual(world.state.lifecycle)
    expect(lifecycleFromJSON({ ...snapshot, day: 'x' }, bounds)).toMatchObject({ ok: false, problems: [expect.stringContaining('day')] })
  })
})

describe('respawn into a full home', () => {
  it('takes another tile of the home, and waits while the whole home is full', () => {
    const world = lifecycleTown({ population: 2, jobs: false, lifecycle: `${GATE_OPEN}, respawn_min_ticks: 1, respawn_max_ticks: 1` })
    const { params, state } = world
    const a = state.agents.cols
    a.hunger[0] = 0
    const homeTile = a.homeTile[0]!
    // Fill every floor tile of the flat once alice has left (tick 1): the replacement must wait.
    const run = runner(world)
    run.until(1)
    const area = params.homes[0]!
    const saved = state.tileCount.slice()
    for (let y = area.y; y < area.y + area.h; y++) for (let x = area.x; x < area.x + area.w; x++) state.tileCount[y * params.map.width + x] = params.tileCapacity
    run.until(5)
    expect(run.ofType('agent_respawn')).toHaveLength(0)
    expect(state.lifecycle.respawns).toHaveLength(1)
    // Room again, but not on alice's own tile: the first open tile of the flat.
    state.tileCount.set(saved)
    state.tileCount[homeTile] = params.tileCapacity
    run.until(6)
    const r = run.ofType('agent_respawn')[0]!
    expect(r).toMatchObject({ tick: 6, agent_id: 'alice#1' })
    expect(Number(r.y) * params.map.width + Number(r.x)).not.toBe(homeTile)
    // Its home tile (where it returns to) is still alice's; read the columns afresh, adding may grow them.
    expect(state.agents.cols.homeTile[findAgent(state.agents, 'alice#1')]).toBe(homeTile)
  })
})
