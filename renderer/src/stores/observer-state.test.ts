import { describe, expect, it } from 'vitest'
import { sampleAgentRow, sampleObserverFull } from '../../../shared/testing/contract-samples'
import { sampleDiff, sampleObject } from '../testing/observer-samples'
import { applyFullFrame, initialObserver, markStale, receiveFetchedFull, receiveFrame } from './observer-state'
import type { ObserverSlice } from './observer-state'

const alice = sampleAgentRow()
const bob = sampleAgentRow({ id: 'bob', x: 1 })

function loaded(seq = 5, now = 0): ObserverSlice {
  return applyFullFrame(initialObserver(), sampleObserverFull(seq, [alice, bob]), now)
}

describe('observer frames', () => {
  it('starts stale: a diff before any full frame is a gap', () => {
    const { slice, outcome } = receiveFrame(initialObserver(), sampleDiff(1, 0), 0)
    expect(outcome).toBe('gap')
    expect(slice.seq).toBe(-1)
  })

  it('a full frame replaces the town and clears stale', () => {
    const slice = loaded(5)
    expect(slice.stale).toBe(false)
    expect(slice.seq).toBe(5)
    expect([...slice.agents.keys()]).toEqual(['alice', 'bob'])
    expect(slice.objects.get('fridge_1')?.stock).toEqual({ meals: 4 })
    expect(slice.map?.width).toBe(5)
  })

  it('a diff on its base upserts agents and objects, removes the removed, replaces the economy', () => {
    const moved = { ...alice, x: 3, hunger: 0.1 }
    const carol = sampleAgentRow({ id: 'carol' })
    const diff = sampleDiff(6, 5, { agents: [moved, carol], removed: ['bob'], objects: [sampleObject({ holder: 'alice', queue: ['carol'] })] })
    diff.economy = { ...diff.economy, restock_interval_ticks: 99 }
    const { slice, outcome } = receiveFrame(loaded(5), diff, 1_000)
    expect(outcome).toBe('applied')
    expect(slice.seq).toBe(6)
    expect(slice.agents.get('alice')).toEqual(moved)
    expect([...slice.agents.keys()].sort()).toEqual(['alice', 'carol'])
    expect(slice.objects.get('fridge_1')?.queue).toEqual(['carol'])
    expect(slice.economy?.restock_interval_ticks).toBe(99)
  })

  it('keeps untouched collections by reference, so the map does not redraw for nothing', () => {
    const before = loaded(5)
    const { slice } = receiveFrame(before, sampleDiff(6, 5), 1_000)
    expect(slice.agents).toBe(before.agents)
    expect(slice.objects).toBe(before.objects)
    expect(slice.map).toBe(before.map)
  })

  it('a diff whose base is not the last applied frame is a gap and marks the slice stale', () => {
    const { slice, outcome } = receiveFrame(loaded(5), sampleDiff(8, 7, { agents: [{ ...alice, x: 1 }] }), 0)
    expect(outcome).toBe('gap')
    expect(slice.stale).toBe(true)
    expect(slice.agents.get('alice')?.x).toBe(alice.x)
    // Further diffs are gaps too until a full frame arrives.
    expect(receiveFrame(slice, sampleDiff(9, 8), 0).outcome).toBe('gap')
  })

  it('ignores a diff already covered by a newer full frame', () => {
    const { slice, outcome } = receiveFrame(loaded(10), sampleDiff(9, 8), 0)
    expect(outcome).toBe('ignored')
    expect(slice.stale).toBe(false)
  })

  it('a streamed full frame always applies, even with a lower seq', () => {
    const { slice, outcome } = receiveFrame(loaded(10), sampleObserverFull(0, [bob]), 0)
    expect(outcome).toBe('applied')
    expect([...slice.agents.keys()]).toEqual(['bob'])
  })

  it('a fetched full frame loses to a newer streamed one, unless stale', () => {
    const fresh = loaded(10)
    expect(receiveFetchedFull(fresh, sampleObserverFull(8, [bob]), 0)).toBe(fresh)
    const stale = markStale(fresh)
    expect(receiveFetchedFull(stale, sampleObserverFull(0, [bob]), 0).seq).toBe(0)
    expect(receiveFetchedFull(fresh, sampleObserverFull(12, [bob]), 0).seq).toBe(12)
  })

  it('keeps the same map object when a full frame repeats the layout', () => {
    const first = loaded(1)
    const again = applyFullFrame(first, sampleObserverFull(2, [alice]), 0)
    expect(again.map).toBe(first.map)
  })
})

describe('events', () => {
  it('appends events town-wide and files them under every agent they mention', () => {
    const events = [
      { type: 'queue_conflict', tick: 6, actor: 'alice', rival: 'bob', object_id: 'fridge_1' },
      { type: 'affordance_start', tick: 6, agent_id: 'bob' },
      { type: 'stock_replenished', tick: 6, units: 2 }
    ]
    const { slice } = receiveFrame(loaded(5), sampleDiff(6, 5, { events }), 0)
    expect(slice.events.map((e) => e.type)).toEqual(['queue_conflict', 'affordance_start', 'stock_replenished'])
    expect(slice.agentEvents.get('alice')?.map((e) => e.type)).toEqual(['queue_conflict'])
    expect(slice.agentEvents.get('bob')?.map((e) => e.type)).toEqual(['queue_conflict', 'affordance_start'])
  })

  it('forgets the events of agents that left', () => {
    const first = receiveFrame(loaded(5), sampleDiff(6, 5, { events: [{ type: 'x', tick: 6, agent_id: 'bob' }] }), 0).slice
    const { slice } = receiveFrame(first, sampleDiff(7, 6, { removed: ['bob'], events: [{ type: 'agent_killed', tick: 7, agent_id: 'bob' }] }), 0)
    expect(slice.agentEvents.has('bob')).toBe(false)
    expect(slice.events.map((e) => e.type)).toEqual(['x', 'agent_killed'])
  })
})

describe('need history', () => {
  it('samples every agent at most every 250 ms of wall time', () => {
    let slice = loaded(0, 0)
    for (let seq = 1; seq <= 10; seq++) {
      slice = receiveFrame(slice, sampleDiff(seq, seq - 1, { agents: [{ ...alice, hunger: 1 - seq / 20 }] }), seq * 100).slice
    }
    // Frames at 0…1000 ms: samples at 0, 300, 600, 900 ms.
    expect(slice.history.get('alice')?.map((s) => s.tick)).toEqual([0, 3, 6, 9])
    expect(slice.history.get('bob')).toHaveLength(4)
  })

  it('replaces the newest sample when the tick has not moved', () => {
    let slice = loaded(0, 0)
    slice = receiveFrame(slice, sampleDiff(1, 0, { tick: 0, agents: [{ ...alice, hunger: 0.2 }] }), 1_000).slice
    expect(slice.history.get('alice')?.map((s) => [s.tick, s.hunger])).toEqual([[0, 0.2]])
  })

  it('keeps at most 120 samples per agent', () => {
    let slice = loaded(0, 0)
    for (let seq = 1; seq <= 200; seq++) slice = receiveFrame(slice, sampleDiff(seq, seq - 1), seq * 1_000).slice
    const samples = slice.history.get('alice') ?? []
    expect(samples).toHaveLength(120)
    expect(samples.at(-1)?.tick).toBe(200)
  })

  it('keeps history across a gap refetch of the same world, drops it for another config', () => {
    let slice = loaded(0, 0)
    slice = receiveFrame(slice, sampleDiff(1, 0), 1_000).slice
    const refetched = receiveFetchedFull(markStale(slice), { ...sampleObserverFull(5, [alice]), tick: 5 }, 2_000)
    expect(refetched.history.get('alice')?.map((s) => s.tick)).toEqual([0, 1, 5])
    expect(refetched.history.has('bob')).toBe(false)
    const other = applyFullFrame(refetched, { ...sampleObserverFull(0, [alice]), config_id: 'other' }, 3_000)
    expect(other.history.get('alice')).toHaveLength(1)
    expect(other.events).toEqual([])
  })
})
