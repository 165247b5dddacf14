import { describe, expect, it } from 'vitest'
import { decayTies } from './decay-ties'
import { TIE_FAMILIARITY, TIE_TRUST } from './society-state'
import { societyTown } from './testing/society-town'
import { adjustTie, findTie, rivalryOf } from './tie-ledger'

const SOCIETY = (personalities = '{ distribution: { balanced: 1 } }') =>
  `{ personalities: ${personalities}, rivalry: { decay_per_tick: 0.01 }, ties: { removal_floor: 0.05, trust_decay_per_tick: 0.001, familiarity_decay_per_tick: 0.002 } }`

describe('tie decay', () => {
  it('fades rivalry, trust and familiarity at their rates', () => {
    const world = societyTown(2, SOCIETY())
    adjustTie(world, 0, 1, { rivalry: 0.5, trust: -0.3, familiarity: 0.4 })
    for (let t = 0; t < 10; t++) decayTies(world)
    expect(rivalryOf(world.state.society, 0, 1)).toBeCloseTo(0.4)
    const ledger = world.state.society.ties[0]!
    const k = findTie(ledger, 1)
    expect(ledger[k + TIE_TRUST]).toBeCloseTo(-0.29)
    expect(ledger[k + TIE_FAMILIARITY]).toBeCloseTo(0.38)
  })

  it('removes a tie on the tick all its values reach the floor, not before', () => {
    const world = societyTown(2, SOCIETY())
    adjustTie(world, 0, 1, { rivalry: 0.3 })
    // 0.3 − 0.01 t ≤ 0.05 first at t = 25 (allowing for float steps, 25 or 26).
    let removedAt = -1
    for (let t = 1; t <= 40 && removedAt < 0; t++) {
      decayTies(world)
      if (findTie(world.state.society.ties[0]!, 1) < 0) removedAt = t
    }
    expect(removedAt).toBeGreaterThanOrEqual(25)
    expect(removedAt).toBeLessThanOrEqual(26)
    expect(world.state.society.tieCount).toBe(0)
    expect(world.state.society.counters.ties_removed).toBe(1)
  })

  it('keeps a tie while friendship holds it above the floor, though its rivalry is gone', () => {
    const world = societyTown(2, SOCIETY())
    adjustTie(world, 0, 1, { rivalry: 0.1, familiarity: 0.9 })
    for (let t = 0; t < 50; t++) decayTies(world)
    expect(findTie(world.state.society.ties[0]!, 1)).toBe(0)
    expect(rivalryOf(world.state.society, 0, 1)).toBe(0)
  })

  it('lets a forgiving owner forget faster', () => {
    const world = societyTown(2, SOCIETY('{ distribution: { balanced: 1 }, overrides: { alice: { forgiveness: 1 } } }'))
    const alice = world.state.agents.ids.indexOf('alice')
    const bob = world.state.agents.ids.indexOf('bob')
    adjustTie(world, alice, bob, { rivalry: 0.5 })
    adjustTie(world, bob, alice, { rivalry: 0.5 })
    decayTies(world)
    // decay × (1 + decay_forgiveness 0.5 × forgiveness 1)
    expect(rivalryOf(world.state.society, alice, bob)).toBeCloseTo(0.5 - 0.015)
    expect(rivalryOf(world.state.society, bob, alice)).toBeCloseTo(0.49)
  })

  it('drops every tie of and to an agent that has left', () => {
    const world = societyTown(3, SOCIETY())
    adjustTie(world, 0, 1, { rivalry: 0.5 })
    adjustTie(world, 1, 0, { rivalry: 0.5 })
    adjustTie(world, 2, 0, { familiarity: 0.5 })
    adjustTie(world, 2, 1, { familiarity: 0.5 })
    world.state.agents.cols.alive[1] = 0
    decayTies(world)
    expect(world.state.society.ties.map((l) => l.length / 4)).toEqual([0, 0, 1])
    expect(world.state.society.tieCount).toBe(1)
  })
})
