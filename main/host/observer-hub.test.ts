import { describe, expect, it } from 'vitest'
import type { ObserverDiff } from '../../shared/contract/dto/observer'
import { sampleAgentRow, sampleObserverFull } from '../../shared/testing/contract-samples'
import { ObserverHub } from './observer-hub'

const diff = (over: Partial<ObserverDiff>): ObserverDiff => {
  const { map: _m, agents: _a, objects: _o, config_id: _c, kind: _k, ...common } = sampleObserverFull(0)
  return { ...common, kind: 'diff', base_seq: 0, agents: [], removed: [], objects: [], ...over }
}

describe('ObserverHub', () => {
  it('mirrors full frames and diffs, renumbering them for clients', () => {
    const hub = new ObserverHub()
    expect(hub.full()).toBeUndefined()
    expect(hub.receive(diff({ seq: 7 }))).toBeUndefined()
    const first = hub.receive(sampleObserverFull(0, [sampleAgentRow({ id: 'a' }), sampleAgentRow({ id: 'b' })]))
    expect(first).toMatchObject({ kind: 'full', seq: 0 })
    const next = hub.receive(diff({ seq: 1, base_seq: 0, tick: 5, agents: [sampleAgentRow({ id: 'a', x: 3 }), sampleAgentRow({ id: 'c' })], removed: ['b'] }))
    expect(next).toMatchObject({ kind: 'diff', seq: 1, base_seq: 0 })
    const full = hub.full()!
    expect(full).toMatchObject({ kind: 'full', seq: 1, tick: 5 })
    expect(full.agents.map((a) => [a.id, a.x])).toEqual([
      ['a', 3],
      ['c', 2]
    ])
  })

  it('keeps counting across a worker restart (a new full frame)', () => {
    const hub = new ObserverHub()
    hub.receive(sampleObserverFull(0))
    hub.receive(diff({ seq: 1 }))
    expect(hub.receive(sampleObserverFull(0))).toMatchObject({ kind: 'full', seq: 2 })
  })
})
