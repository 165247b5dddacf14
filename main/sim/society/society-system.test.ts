import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../hash/canonical-json'
import { emit, resetTickEvents, type SimEvent, type World } from '../state/world'
import { runSociety } from './society-system'
import { societyFromJSON, societyToJSON } from './society-json'
import { TIE_FAMILIARITY, TIE_TRUST } from './society-state'
import { syncAgents } from './sync-agents'
import { societyTown } from './testing/society-town'
import { adjustTie, findTie, rivalryOf } from './tie-ledger'
import { PROFILE_NAMES } from '../../config/sections/society'
import { testWorld } from '../testing/test-world'
import { tick } from '../tick'

const BALANCED = 'personalities: { distribution: { balanced: 1 } }'
const QUIET = `{ ${BALANCED}, chat: { enabled: false } }`

/** Run the society step alone on a fresh tick whose earlier systems emitted `before`. */
function societyTick(world: World, before: (w: World) => void = () => {}): SimEvent[] {
  world.state.tick += 1
  resetTickEvents(world.state)
  before(world)
  runSociety(world)
  return world.state.events
}

const conflict = (reason: 'ghost_step' | 'handover', intensity: number) => (w: World) =>
  emit(w.state, 'queue_conflict', { object_id: 'shower_1', actor: 'alice', rival: 'bob', reason, queue_length: 1, intensity }, { actor: w.state.agents.ids.indexOf('alice'), rival: w.state.agents.ids.indexOf('bob'), object: w.state.objects.ids.indexOf('shower_1') })

/** Put agent i on (x, y), idle and standing. */
function stand(world: World, i: number, x: number, y: number): void {
  world.state.agents.cols.x[i] = x
  world.state.agents.cols.y[i] = y
}

describe('society: rivalry from queue conflicts', () => {
  it('raises rivalry both ways by increment × intensity × boost, with one event per direction', () => {
    const world = societyTown(3, QUIET)
    const events = societyTick(world, conflict('ghost_step', 2))
    const changes = events.filter((e) => e.type === 'rivalry_changed')
    // 0.15 × 2 × 1.5 (ghost_step_boost)
    expect(changes).toEqual([
      expect.objectContaining({ agent_id: 'alice', other: 'bob', value: 0.45, delta: 0.45, reason: 'ghost_step' }),
      expect.objectContaining({ agent_id: 'bob', other: 'alice', value: 0.45, delta: 0.45, reason: 'ghost_step' })
    ])
    societyTick(world, conflict('handover', 1))
    // decayed once (0.0005), then + 0.15 × 1 × 0.4
    expect(rivalryOf(world.state.society, 0, 1)).toBeCloseTo(0.45 - 0.0005 + 0.06, 9)
    expect(world.state.society.counters).toMatchObject({ rivalry_events: 4, queue_conflicts: 2 })
    expect(world.state.society.contention[0]).toBe(2)
    expect(world.state.society.recent.map((r) => r.reason)).toEqual(['ghost_step', 'ghost_step', 'handover', 'handover'])
  })

  it('scales each side by its own personality: a forgiving agent stings less', () => {
    const world = societyTown(2, `{ personalities: { distribution: { balanced: 1 }, overrides: { bob: { forgiveness: 1 } } }, chat: { enabled: false } }`)
    societyTick(world, conflict('ghost_step', 1))
    expect(rivalryOf(world.state.society, 0, 1)).toBeCloseTo(0.225)
    expect(rivalryOf(world.state.society, 1, 0)).toBeCloseTo(0.225 * 0.5)
  })

  it('caps rivalry at max_value and reports the change applied', () => {
    const world = societyTown(2, `{ ${BALANCED}, chat: { enabled: false }, rivalry: { max_value: 0.8, increment_per_conflict: 1, ghost_step_boost: 5 } }`)
    societyTick(world, conflict('ghost_step', 1))
    const events = societyTick(world, conflict('ghost_step', 1))
    expect(events.filter((e) => e.type === 'rivalry_changed').map((e) => [e.value, e.delta])).toEqual([
      [0.8, 0.0005],
      [0.8, 0.0005]
    ])
  })
})

describe('society: chat', () => {
  const CHATTY = (extra = '') => `{ ${BALANCED}, chat: { chance: 1, quality_spread: 0, cooldown_ticks: 10${extra} } }`

  it('lets two idle neighbours chat: trust and familiarity rise both ways, then both cool down', () => {
    const world = societyTown(2, CHATTY())
    stand(world, 0, 3, 3)
    stand(world, 1, 4, 4)
    const first = societyTick(world)
    expect(first).toEqual([expect.objectContaining({ type: 'chat_success', speaker: 'alice', listener: 'bob', quality: 0.5 })])
    for (const [i, j] of [
      [0, 1],
      [1, 0]
    ] as const) {
      const ledger = world.state.society.ties[i]!
      const k = findTie(ledger, j)
      expect(ledger[k + TIE_TRUST]).toBeCloseTo(0.05)
      expect(ledger[k + TIE_FAMILIARITY]).toBeCloseTo(0.1)
    }
    for (let t = 0; t < 9; t++) expect(societyTick(world)).toEqual([])
    expect(societyTick(world).map((e) => e.type)).toEqual(['chat_success'])
  })

  it('does not chat across a gap, or while walking or using an object', () => {
    const world = societyTown(2, CHATTY())
    stand(world, 0, 1, 1)
    stand(world, 1, 3, 1)
    expect(societyTick(world)).toEqual([])
    stand(world, 1, 2, 1)
    world.state.agents.cols.option[1] = 3 // shower
    expect(societyTick(world)).toEqual([])
  })

  it('fails when the listener holds a grudge, and the failure stings both', () => {
    const world = societyTown(2, CHATTY())
    stand(world, 0, 3, 3)
    stand(world, 1, 3, 3)
    adjustTie(world, 1, 0, { rivalry: 0.8 })
    const events = societyTick(world)
    expect(events[0]).toMatchObject({ type: 'chat_failure', speaker: 'alice', listener: 'bob', reason: 'rivalry' })
    expect(events.slice(1).map((e) => [e.type, 'agent_id' in e ? e.agent_id : null, 'reason' in e ? e.reason : null])).toEqual([
      ['rivalry_changed', 'alice', 'chat_failure'],
      ['rivalry_changed', 'bob', 'chat_failure']
    ])
    expect(rivalryOf(world.state.society, 0, 1)).toBeCloseTo(0.05)
  })

  it('fails on low quality', () => {
    const world = societyTown(2, CHATTY(', base_quality: 0.1'))
    stand(world, 0, 3, 3)
    stand(world, 1, 3, 3)
    expect(societyTick(world)[0]).toMatchObject({ type: 'chat_failure', reason: 'low_quality' })
  })

  it('never starts a chat with someone the speaker avoids, when another neighbour is there', () => {
    const world = societyTown(3, CHATTY())
    for (const i of [0, 1, 2]) stand(world, i, 3, 3)
    adjustTie(world, 0, 1, { rivalry: 0.9 })
    const events = societyTick(world)
    expect(events.filter((e) => e.type.startsWith('chat'))).toEqual([expect.objectContaining({ type: 'chat_success', speaker: 'alice', listener: 'cara' })])
  })

  it('chats more often with more extroversion, drawing only from the events stream', () => {
    const count = (extroversion: number) => {
      const world = societyTown(2, `{ personalities: { distribution: { balanced: 1 }, overrides: { alice: { extroversion: ${extroversion} }, bob: { extroversion: -1 } } }, chat: { chance: 0.05, cooldown_ticks: 1 } }`)
      stand(world, 0, 3, 3)
      stand(world, 1, 3, 3)
      const policy = [...world.state.rng.policy.getState()]
      let chats = 0
      for (let t = 0; t < 2000; t++) chats += societyTick(world).filter((e) => e.type.startsWith('chat')).length
      expect([...world.state.rng.policy.getState()]).toEqual(policy)
      return chats
    }
    const shy = count(0)
    const outgoing = count(1)
    expect(shy).toBeGreaterThan(50)
    expect(outgoing).toBeGreaterThan(shy * 1.5)
  })
})

describe('society: state', () => {
  it('extends to agents added later, each with its personality', () => {
    const world = societyTown(2, `{ personalities: { distribution: { stoic: 1 } } }`)
    world.state.agents.add('zed')
    syncAgents(world)
    expect(world.state.society.agents).toBe(3)
    expect(PROFILE_NAMES[world.state.society.profile[2]!]).toBe('stoic')
    expect(world.state.society.ties[2]).toEqual([])
  })

  it('round-trips through its snapshot', () => {
    const world = societyTown(3, QUIET)
    societyTick(world, conflict('ghost_step', 1))
    adjustTie(world, 2, 0, { trust: 0.3, familiarity: 0.2 })
    const json: unknown = JSON.parse(JSON.stringify(societyToJSON(world.state.society)))
    const bounds = { agents: world.state.agents.count, objects: world.state.objects.count, config: world.params.config.society }
    expect(societyFromJSON(json, bounds)).toEqual({ ok: true, value: world.state.society })
  })
})

describe('society: determinism', () => {
  const TOWN = (seed: number) => `config_id: d
seed: ${seed}
world:
  population: 40
  generate: { agents_per_household: 4, households_per_workplace: 5, beds_per_household: 2 }
`
  /** 900 ticks with every agent idle (no policy): chat and decay alone move the ties. */
  function run(seed: number) {
    const world = testWorld(TOWN(seed))
    let chats = 0
    for (let t = 0; t < 900; t++) chats += tick(world, { decisions: [], console: [] }).filter((e) => e.type === 'chat_success').length
    return { chats, hash: createHash('sha256').update(canonicalJson(societyToJSON(world.state.society))).digest('hex') }
  }

  it('gives the same ties for the same seed, and others for another seed', () => {
    const a = run(11)
    expect(a.chats).toBeGreaterThan(0)
    expect(run(11)).toEqual(a)
    expect(run(12).hash).not.toBe(a.hash)
  })
})
