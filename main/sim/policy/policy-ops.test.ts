import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decideScripted } from '../../policy/scripted/scripted-controller'
import { hashWorld } from '../hash/hash-world'
import { InputLog, replay } from '../input-log'
import type { ConsoleOp, TickInputs } from '../inputs'
import { streamsState, nextFloat } from '../rng/rng-streams'
import { Phase } from '../state/agent-store'
import type { SimEvent, World } from '../state/world'
import { testWorld } from '../testing/test-world'
import { tick } from '../tick'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Two agents, a fridge and a bed; needs fall, so the scripted controller has work to do. */
function town(policy = '{}'): World {
  return testWorld(`config_id: policy_town
seed: 5
policy: ${policy}
world:
  population: 2
  tile_capacity: 4
  layout:
    map: |
      ##########
      #........#
      #.F....B.#
      #........#
      ##########
    homes:
      - { id: flat, area: [1, 1, 8, 3] }
`)
}

const results = (events: readonly SimEvent[]) => events.filter((e) => e.type === 'console.result')

describe('policy ops in the engine', () => {
  it('possess drops the policy’s decisions for the agent; release gives it back', () => {
    const world = town()
    let events = tick(world, { decisions: [], console: [{ op: 'possess', agent: 0, cmd_id: 'p1' }] })
    expect(events).toContainEqual(expect.objectContaining({ type: 'policy.possession', agent_id: world.state.agents.ids[0], possessed: true, by: 'console' }))
    expect(results(events)[0]).toMatchObject({ cmd_id: 'p1', status: 'ok', result: { possessed: true, changed: true } })
    // A decision for a possessed agent is ignored in the tick, whoever made it.
    const before = world.state.agents.cols.option[0]
    tick(world, { decisions: [{ agent: 0, option: 'sleep', object: 1 }], console: [] })
    expect(world.state.agents.cols.option[0]).toBe(before)
    events = tick(world, { decisions: [], console: [{ op: 'release', agent: 0 }] })
    expect(events).toContainEqual(expect.objectContaining({ type: 'policy.possession', possessed: false, by: 'console' }))
    expect(world.state.agents.cols.possessed[0]).toBe(0)
  })

  it('operator_act applies only to a possessed agent, and walks it to the tile', () => {
    const world = town()
    const width = world.params.map.width
    let events = tick(world, { decisions: [], console: [{ op: 'operator_act', agent: 0, option: 'idle', object: -1, tile: 3 * width + 5 }] })
    expect(results(events)[0]).toMatchObject({ status: 'error', code: 'console.conflict', message: expect.stringContaining('not possessed') })
    events = tick(world, { decisions: [], console: [{ op: 'possess', agent: 0 }, { op: 'operator_act', agent: 0, option: 'idle', object: -1, tile: 3 * width + 5 }] })
    expect(results(events)[1]).toMatchObject({ status: 'ok', result: { option: 'idle', tile: [5, 3], started: true } })
    for (let t = 0; t < 15; t++) tick(world, { decisions: decideScripted(world), console: [] })
    expect([world.state.agents.cols.x[0], world.state.agents.cols.y[0]]).toEqual([5, 3])
  })

  it('a possessed agent that leaves the town is released', () => {
    const world = town()
    tick(world, { decisions: [], console: [{ op: 'possess', agent: 1 }] })
    const events = tick(world, { decisions: [], console: [{ op: 'kill', agent: 1 }] })
    expect(events).toContainEqual(expect.objectContaining({ type: 'policy.possession', possessed: false, by: 'exit' }))
    expect(world.state.agents.cols.possessed[1]).toBe(0)
  })

  it('anneal_set and the schedule change the ratio, each with an event', () => {
    const world = town('{ anneal: { ratio: 0.2, schedule: [{ tick: 3, ratio: 0.5 }, { tick: 5, ratio: 0.9 }] } }')
    expect(world.state.policy.anneal_ratio).toBe(0.2)
    const events: SimEvent[] = []
    for (let t = 1; t <= 6; t++) events.push(...tick(world, { decisions: [], console: t === 5 ? [{ op: 'anneal_set', ratio: 0.7 }] : [] }))
    expect(events.filter((e) => e.type === 'policy.anneal.update').map((e) => [e.tick, e.ratio, e.previous, e.source])).toEqual([
      [3, 0.5, 0.2, 'schedule'],
      [5, 0.9, 0.5, 'schedule'],
      [5, 0.7, 0.9, 'console']
    ])
    expect(world.state.policy.anneal_ratio).toBe(0.7)
    const bad = tick(world, { decisions: [], console: [{ op: 'anneal_set', ratio: 1.5 }] })
    expect(results(bad)[0]).toMatchObject({ status: 'error', code: 'console.invalid_args' })
  })

  it('replays possess, operator_act, anneal ops and the policy stream to the same hash', () => {
    const live = town()
    const log = new InputLog()
    const width = live.params.map.width
    const ops: Record<number, ConsoleOp[]> = {
      3: [{ op: 'possess', agent: 0 }],
      4: [{ op: 'operator_act', agent: 0, option: 'idle', object: -1, tile: 1 * width + 8 }],
      9: [{ op: 'operator_act', agent: 0, option: 'socialise', object: -1, partner: 1 }],
      30: [{ op: 'operator_act', agent: 0, option: 'eat', object: 0 }],
      40: [{ op: 'anneal_set', ratio: 0.25 }],
      60: [{ op: 'release', agent: 0 }]
    }
    for (let t = 1; t <= 120; t++) {
      const inputs: TickInputs = { decisions: decideScripted(live), console: ops[t] ?? [] }
      // Every seventh tick the "controller" draws from the policy stream between ticks.
      if (t % 7 === 0) {
        nextFloat(live.state.rng.policy)
        inputs.policy_rng = streamsState(live.state.rng).policy
      }
      tick(live, inputs)
      log.record(live.state.tick, inputs)
    }
    expect(log.list().some((e) => e.policy_rng !== undefined && e.decisions.length === 0 && e.console.length === 0)).toBe(true)
    const copy = town()
    replay(copy, log.list(), 120)
    expect(hashWorld(copy, sha256)).toBe(hashWorld(live, sha256))
    expect(copy.state.policy.anneal_ratio).toBe(0.25)
  })

  it('records a tick whose only input is the policy stream', () => {
    const log = new InputLog()
    log.record(1, { decisions: [], console: [] })
    log.record(2, { decisions: [], console: [], policy_rng: [1, 2, 3, 4] })
    expect(log.list()).toEqual([{ tick: 2, decisions: [], console: [], policy_rng: [1, 2, 3, 4] }])
  })

  it('a possessed agent with an operator_act to eat goes and eats', () => {
    const world = town()
    tick(world, { decisions: [], console: [{ op: 'possess', agent: 0 }, { op: 'operator_act', agent: 0, option: 'eat', object: 0 }] })
    const events: SimEvent[] = []
    for (let t = 0; t < 40; t++) events.push(...tick(world, { decisions: [], console: [] }))
    expect(events).toContainEqual(expect.objectContaining({ type: 'affordance_finish', agent_id: world.state.agents.ids[0], affordance_id: 'eat_meal' }))
    expect(world.state.agents.cols.phase[0]).toBe(Phase.done)
  })
})
