import { describe, expect, it } from 'vitest'
import { hashWorld } from '../sim/hash/hash-world'
import { findAgent } from '../sim/state/agent-store'
import { IdempotencyCache } from './idempotency-cache'
import { consoleTown } from './testing/console-town'
import { STREAM_SCHEMA_VERSION } from '../telemetry/stream/stream-schema'

const hashOf = (t: ReturnType<typeof consoleTown>) => hashWorld(t.world, (s) => s)

describe('ConsoleRouter: refusals', () => {
  it('names the argument, what it must be and what it got', () => {
    const t = consoleTown()
    const bad = t.send('setneed', { agent: 'alice', need: 'hunger', value: 1.5 }, 'c1')
    expect(bad).toMatchObject({ status: 'error', error: { code: 'console.invalid_args' } })
    expect(bad.error!.message).toContain('value: expected a number from 0 to 1, got 1.5')
    const missing = t.send('teleport', { agent: 'alice', x: 2 })
    expect(missing.error!.message).toContain('y: missing; expected a whole number from 0 to 10000')
    const typo = t.send('setneed', { agent: 'alice', need: 'hunger', vaule: 0.5 })
    expect(typo.error!.message).toContain('unknown argument "vaule": did you mean "value"?')
    const nested = t.send('spawn', { id: 'zed', needs: { hunger: 'lots' }, at: [2, -1] })
    expect(nested.error!.message).toMatch(/needs\.hunger: expected a number from 0 to 1, got "lots"/)
    expect(nested.error!.message).toMatch(/at\[1\]: expected a whole number from 0 to 10000, got -1/)
    const enumBad = t.send('utility', { utility: 'gas', on: false }, 'u1')
    expect(enumBad.error!.message).toContain('utility: expected one of "power", "water", got "gas"')
    const extra = t.send('spawn', { id: 'zed', needs: { hungr: 0.5 } })
    expect(extra.error!.message).toContain('unknown argument "needs.hungr": did you mean "hunger"? (needs takes hunger, hygiene, energy)')
    expect(t.router.pendingCount).toBe(0)
  })

  it('suggests the nearest command for an unknown one', () => {
    const t = consoleTown()
    const result = t.send('setned', {})
    expect(result).toMatchObject({ status: 'error', name: 'setned', error: { code: 'console.unknown_command', message: expect.stringContaining('did you mean "setneed"?') } })
  })

  it('refuses an admin command from a viewer before looking at its arguments, and changes nothing', () => {
    const t = consoleTown()
    const before = hashOf(t)
    for (const args of [{ agent: 'alice', need: 'hunger', value: 0.1 }, { agent: 'nobody', value: 'not a number', extra: 1 }, { x: 'y'.repeat(100_000) }]) {
      const result = t.send('setneed', args, undefined, 'viewer')
      expect(result).toMatchObject({ status: 'error', role: 'viewer', error: { code: 'console.forbidden' } })
      expect(result.error!.message).not.toMatch(/value|agent|nobody/)
    }
    expect(t.send('kill', { agent: 'alice' }, undefined, 'viewer').error!.code).toBe('console.forbidden')
    expect(t.router.pendingCount).toBe(0)
    expect(hashOf(t)).toBe(before)
    t.sim.step()
    expect(t.finals).toEqual([])
    // Viewer commands still answer a viewer.
    expect(t.send('help', {}, undefined, 'viewer').status).toBe('ok')
  })

  it('refuses a destructive command without a cmd_id', () => {
    const t = consoleTown()
    const result = t.send('kill', { agent: 'alice' })
    expect(result.error).toMatchObject({ code: 'console.cmd_id_required', message: expect.stringContaining('cmd_id') })
    t.sim.step()
    expect(findAgent(t.world.state.agents, 'alice')).toBeGreaterThanOrEqual(0)
  })

  it('refuses unknown ids before queuing, with the nearest id', () => {
    const t = consoleTown()
    expect(t.send('setneed', { agent: 'alise', need: 'hunger', value: 0.3 }).error).toMatchObject({ code: 'console.not_found', message: expect.stringContaining('did you mean "alice"?') })
    expect(t.send('queue_inspect', { object: 'fridge_2' }, undefined, 'viewer').error).toMatchObject({ code: 'console.not_found', message: expect.stringContaining('"fridge_1"') })
    expect(t.send('spawn', { id: 'zed', home: 'flatt' }).error!.message).toContain('did you mean "flat"?')
    expect(t.send('spawn', { id: 'alice' }).error!.code).toBe('console.conflict')
    expect(t.send('teleport', { agent: 'alice', x: 0, y: 0 }).error!.message).toContain('wall')
    expect(t.router.pendingCount).toBe(0)
  })

  it('refuses oversized arguments and malformed cmd_ids', () => {
    const t = consoleTown()
    expect(t.send('kill', { agent: 'alice', reason: 'x'.repeat(300) }, 'k1').error).toMatchObject({ code: 'console.invalid_args', message: expect.stringContaining('reason is 300 characters; at most 256') })
    expect(t.send('help', { command: Array.from({ length: 3000 }, () => 'abcdef') }, undefined, 'viewer').error!.message).toMatch(/bytes of JSON; at most 16384/)
    expect(t.send('help', [] as unknown, undefined, 'viewer').error!.message).toContain('args must be an object')
    expect(t.send('help', {}, 'auto-7', 'viewer').error!.message).toContain('kept for ids the console generates')
    expect(t.send('help', {}, 'bad id!', 'viewer').error!.code).toBe('console.invalid_args')
  })
})

describe('ConsoleRouter: queued commands', () => {
  it('applies queued commands at the next tick boundary, in arrival order, each with exactly one final result', () => {
    const t = consoleTown()
    const alice = t.slot('alice')
    const first = t.send('setneed', { agent: 'alice', need: 'hunger', value: 0.2 }, 'n1')
    const second = t.send('setneed', { agent: 'alice', need: 'hunger', value: 0.9 }, 'n2')
    const third = t.send('set_wallet', { agent: 'bob', value: 12 })
    expect(first).toMatchObject({ status: 'queued', tick: 1, cmd_id: 'n1', replayed: false })
    expect(third.cmd_id).toBe('auto-1')
    // Nothing changes before the tick.
    expect(t.world.state.agents.cols.hunger[alice]).not.toBe(0.9)
    expect(t.finals).toEqual([])
    t.sim.step()
    expect(t.finals.map((r) => [r.cmd_id, r.status, r.tick])).toEqual([
      ['n1', 'ok', 1],
      ['n2', 'ok', 1],
      ['auto-1', 'ok', 1]
    ])
    expect(t.finals[1]).toMatchObject({ name: 'setneed', issuer: 'tester', role: 'admin', result: { agent_id: 'alice', need: 'hunger', value: 0.9 } })
    expect(t.world.state.agents.cols.hunger[alice]).toBe(0.9)
    expect(t.world.state.agents.cols.wallet[t.slot('bob')]).toBe(12)
    t.sim.step()
    t.sim.step()
    expect(t.finals).toHaveLength(3)
    expect(second.status).toBe('queued')
  })

  it('answers a repeated cmd_id from the cache without applying it again', () => {
    const t = consoleTown()
    const bob = t.slot('bob')
    expect(t.send('set_wallet', { agent: 'bob', value: 42 }, 'w1').status).toBe('queued')
    // Still queued: the replay says so, and nothing is queued twice.
    expect(t.send('set_wallet', { value: 42, agent: 'bob' }, 'w1')).toMatchObject({ status: 'queued', replayed: true, tick: 1 })
    t.sim.step()
    expect(t.finals).toHaveLength(1)
    expect(t.world.state.agents.cols.wallet[bob]).toBe(42)
    t.world.state.agents.cols.wallet[bob] = 7
    const replay = t.send('set_wallet', { agent: 'bob', value: 42 }, 'w1')
    expect(replay).toMatchObject({ status: 'ok', replayed: true, tick: 1, result: { agent_id: 'bob', wallet: 42 } })
    t.sim.step()
    expect(t.world.state.agents.cols.wallet[bob]).toBe(7)
    expect(t.finals).toHaveLength(1)

    expect(t.send('spawn', { id: 'zed' }, 's1').status).toBe('queued')
    t.sim.step()
    expect(t.send('spawn', { id: 'zed' }, 's1')).toMatchObject({ status: 'ok', replayed: true })
    t.sim.step()
    expect(t.world.state.agents.ids.filter((id) => id === 'zed')).toHaveLength(1)
    expect(t.finals.filter((r) => r.cmd_id === 's1')).toEqual([expect.objectContaining({ status: 'ok', replayed: false })])
  })

  it('refuses the same cmd_id with another command or other arguments', () => {
    const t = consoleTown()
    t.send('set_wallet', { agent: 'bob', value: 42 }, 'w1')
    expect(t.send('set_wallet', { agent: 'bob', value: 43 }, 'w1').error).toMatchObject({ code: 'console.cmd_id_conflict', message: expect.stringContaining('same id, different command') })
    expect(t.send('setneed', { agent: 'bob', need: 'energy', value: 0.5 }, 'w1').error!.code).toBe('console.cmd_id_conflict')
    t.sim.step()
    expect(t.world.state.agents.cols.wallet[t.slot('bob')]).toBe(42)
  })

  it('does not cache refusals, so a corrected command may reuse its cmd_id', () => {
    const t = consoleTown()
    expect(t.send('kill', { agent: 'bobb' }, 'k1').error!.code).toBe('console.not_found')
    expect(t.send('kill', { agent: 'bob' }, 'k1').status).toBe('queued')
    t.sim.step()
    expect(findAgent(t.world.state.agents, 'bob')).toBe(-1)
  })

  it('turns an operation the engine refuses into an error result', () => {
    const t = consoleTown()
    t.send('kill', { agent: 'bob' }, 'k1')
    t.send('set_wallet', { agent: 'bob', value: 1 }, 'w1')
    t.sim.step()
    expect(t.finals.map((r) => [r.cmd_id, r.status, r.error?.code])).toEqual([
      ['k1', 'ok', undefined],
      ['w1', 'error', 'console.not_found']
    ])
  })

  it('gives every queued command an error result when its world goes away', () => {
    const t = consoleTown()
    t.send('utility', { utility: 'power', on: false }, 'u1')
    t.router.abandon('a new config was loaded')
    expect(t.finals).toEqual([expect.objectContaining({ cmd_id: 'u1', status: 'error', error: expect.objectContaining({ code: 'console.conflict', message: expect.stringContaining('a new config was loaded') }) })])
    t.sim.step()
    expect(t.finals).toHaveLength(1)
  })
})

describe('ConsoleRouter: read-only commands', () => {
  it('inspects an object queue and every busy object', () => {
    const t = consoleTown()
    const { objects } = t.world.state
    objects.holder[0] = t.slot('alice')
    objects.queue[0]!.push({ agent: t.slot('bob'), joined: 0 })
    objects.cooldowns[0]!.set(t.slot('bob'), 30)
    const one = t.send('queue_inspect', { object: 'fridge_1' }, undefined, 'viewer')
    expect(one).toMatchObject({
      status: 'ok',
      tick: 0,
      result: {
        object_id: 'fridge_1',
        holder: 'alice',
        queue: [{ agent_id: 'bob', joined_tick: 0, waited_ticks: 0 }],
        cooldowns: [{ agent_id: 'bob', expiry_tick: 30, ticks_remaining: 30 }],
        stall_count: 0,
        running: null,
        counters: { cooldown_events: 0, ghost_step_events: 0, rotation_events: 0 }
      }
    })
    const all = t.send('debug_queues', {}, undefined, 'viewer')
    expect(all.result).toMatchObject({ objects: [{ object_id: 'fridge_1' }], counters: expect.any(Object) })
  })

  it('reports every agent job and economy status in the telemetry snapshot', () => {
    const t = consoleTown()
    const result = t.send('telemetry_snapshot', {}, undefined, 'viewer').result as { schema_version: string; agents: object[]; economy: object; employment: object }
    expect(result.schema_version).toBe(STREAM_SCHEMA_VERSION)
    expect(result.agents).toHaveLength(2)
    expect(result.agents[0]).toEqual({
      agent_id: 'alice',
      job_id: null,
      shift_state: 'off',
      on_shift: false,
      wallet: expect.any(Number),
      attendance: 0,
      lateness_count: 0,
      wages_earned: 0,
      wages_withheld: 0,
      meals_eaten: 0,
      meals_cooked: 0
    })
    expect(result.economy).toEqual({ prices: { meal_cost: 0.4, ingredients_cost: 0.15, wage_income: 0.02 }, utilities: { power: true, water: true } })
    expect(result.employment).toMatchObject({ employed: 0, on_shift: 0 })
  })

  it('lists the commands and shows one command\'s usage', () => {
    const t = consoleTown()
    const list = t.send('help', {}, undefined, 'viewer').result as { commands: { name: string; role: string }[] }
    expect(list.commands.map((c) => c.name)).toEqual(expect.arrayContaining(['spawn', 'kill', 'teleport', 'setneed', 'set_wallet', 'price', 'utility', 'queue_inspect', 'debug_queues', 'telemetry_snapshot', 'help']))
    const one = t.send('help', { command: 'setneed' }, undefined, 'viewer').result
    expect(one).toMatchObject({ name: 'setneed', role: 'admin', usage: 'setneed agent=<agent> need=<need> value=<value>', args: [{ name: 'agent', required: true }, { name: 'need', type: 'one of "hunger", "hygiene", "energy"' }, { name: 'value', type: 'a number from 0 to 1' }] })
    expect(t.send('help', { command: 'tleport' }, undefined, 'viewer').error!.message).toContain('did you mean "teleport"?')
  })

  it('replays a read-only answer by cmd_id rather than answering again', () => {
    const t = consoleTown()
    const first = t.send('telemetry_snapshot', {}, 't1', 'viewer')
    t.sim.step()
    expect(t.send('telemetry_snapshot', {}, 't1', 'viewer')).toEqual({ ...first, replayed: true })
  })
})

describe('IdempotencyCache', () => {
  // The cache is per namespace now (hostile-console.test.ts): these check one namespace's LRU.
  const who = { role: 'viewer', issuer: 'tester' } as const

  it('drops the least recently used entry and round-trips through JSON', () => {
    const t = consoleTown()
    const cache = new IdempotencyCache({ capacity: 2 })
    const result = t.send('help', {}, undefined, 'viewer')
    cache.set(who, 'a', { key: 'ka', result })
    cache.set(who, 'b', { key: 'kb', result })
    cache.get(who, 'a')
    cache.set(who, 'c', { key: 'kc', result })
    expect(cache.get(who, 'b')).toBeUndefined()
    const copy = IdempotencyCache.fromJSON(JSON.parse(JSON.stringify(cache)))
    expect(copy.capacity).toBe(2)
    expect(copy.toJSON().viewers).toEqual([['tester', [['a', expect.anything()], ['c', expect.anything()]]]])
    expect(() => IdempotencyCache.fromJSON({ capacity: 0, entries: [] })).toThrow()
  })

  it('holds at most 512 commands by default', () => {
    const t = consoleTown()
    for (let i = 0; i < 600; i++) t.send('help', {}, `h${i}`, 'viewer')
    expect(t.router.idempotency.size).toBe(512)
    expect(t.router.idempotency.get(who, 'h0')).toBeUndefined()
    expect(t.router.idempotency.get(who, 'h599')).toBeDefined()
  })
})
