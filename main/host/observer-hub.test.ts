import { describe, expect, it } from 'vitest'
import { sampleAgentRow } from '../../shared/testing/contract-samples'
import { ObserverHub } from './observer-hub'
import { FakeClient, FakeWorker } from './observer-test-frames'

describe('ObserverHub', () => {
  it('mirrors full frames and diffs, renumbering them for clients', () => {
    const hub = new ObserverHub()
    const worker = new FakeWorker()
    expect(hub.full()).toBeUndefined()
    const early = new FakeWorker()
    early.full([])
    expect(hub.receive(early.diff(1, []))).toBeUndefined()
    const first = hub.receive(worker.full([sampleAgentRow({ id: 'a' }), sampleAgentRow({ id: 'b' })]))
    expect(first).toMatchObject({ kind: 'full', seq: 0 })
    const next = hub.receive(worker.diff(5, [sampleAgentRow({ id: 'a', x: 3 }), sampleAgentRow({ id: 'c' })], ['b']))
    expect(next).toMatchObject({ kind: 'diff', seq: 1, base_seq: 0, removed: ['b'] })
    const full = new FakeClient().read(hub.full()!)
    expect(full).toMatchObject({ kind: 'full', seq: 1, tick: 5 })
    expect(full.agents.map((a) => [a.id, a.x])).toEqual([
      ['a', 3],
      ['c', 2]
    ])
  })

  it('keeps counting across a worker restart (a new full frame)', () => {
    const hub = new ObserverHub()
    const worker = new FakeWorker()
    hub.receive(worker.full([sampleAgentRow()]))
    hub.receive(worker.diff(1, []))
    expect(hub.receive(new FakeWorker().full([sampleAgentRow()]))).toMatchObject({ kind: 'full', seq: 2 })
  })

  it('refuses a worker diff that names a slot it never had, and waits for the next full frame', () => {
    const hub = new ObserverHub()
    const worker = new FakeWorker()
    hub.receive(worker.full([sampleAgentRow({ id: 'a' })]))
    const bad = worker.diff(2, [sampleAgentRow({ id: 'a', x: 4 })])
    bad.agents.index = [7]
    expect(hub.receive(bad)).toBeUndefined()
    expect(hub.lastError).toMatch(/agents\.index\[0\] is 7, but there are only 1 agents in the roster/)
    expect(hub.full()).toBeUndefined()
    expect(hub.receive(worker.full([sampleAgentRow({ id: 'a' })]))).toMatchObject({ kind: 'full' })
  })
})
