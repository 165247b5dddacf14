import { describe, expect, it } from 'vitest'
import type { ObserverDiffRows, ObserverFrame } from '../../shared/contract/dto/observer'
import { sampleAgentRow } from '../../shared/testing/contract-samples'
import { ObserverHub } from './observer-hub'
import { ObserverPacer } from './observer-pacer'
import { FakeClient, FakeWorker, readFull } from './observer-test-frames'

let worker = new FakeWorker()

/** A worker-side diff (the hub renumbers it). */
function diff(tick: number, agents: { id: string; x: number }[], removed: string[] = []): ObserverFrame {
  return worker.diff(tick, agents.map((a) => sampleAgentRow(a)), removed)
}

function setup() {
  worker = new FakeWorker()
  const hub = new ObserverHub()
  const pacer = new ObserverPacer(hub)
  const publish = (frame: ObserverFrame) => {
    const out = hub.receive(frame)
    if (out) pacer.publish(out)
  }
  publish(worker.full([sampleAgentRow({ id: 'ada' }), sampleAgentRow({ id: 'bob' })]))
  return { hub, pacer, publish }
}

describe('ObserverPacer', () => {
  it('gives a new session the whole town first, then a diff from the frame it applied', async () => {
    const { pacer, publish } = setup()
    const client = new FakeClient()
    const first = await pacer.next('s1', null, 0)
    expect(client.read(first!)).toMatchObject({ kind: 'full', seq: 0 })
    publish(diff(1, [{ id: 'ada', x: 3 }]))
    const second = await pacer.next('s1', 0, 1000)
    expect(client.read(second!)).toMatchObject({ kind: 'diff', seq: 1, base_seq: 0, agents: [{ id: 'ada', x: 3 }] })
  })

  it('waits for the next frame when there is nothing new, and answers null after the wait', async () => {
    const { pacer, publish } = setup()
    await pacer.next('s1', null, 0)
    const waiting = pacer.next('s1', 0, 5000)
    publish(diff(1, [{ id: 'bob', x: 4 }]))
    expect(await waiting).toMatchObject({ kind: 'diff', seq: 1, base_seq: 0 })
    expect(await pacer.next('s1', 1, 20)).toBeNull()
  })

  it('folds the frames a slow client missed into one diff: latest rows win, leavers it knew listed, events kept', async () => {
    const { pacer, publish } = setup()
    const client = new FakeClient()
    client.read((await pacer.next('slow', null, 0))!)
    publish(diff(1, [{ id: 'ada', x: 3 }]))
    publish(diff(2, [{ id: 'ada', x: 4 }, { id: 'cy', x: 1 }]))
    publish(diff(3, [], ['bob']))
    publish(diff(4, [], ['cy']))
    const folded = client.read((await pacer.next('slow', 0, 0))!) as ObserverDiffRows
    expect(folded).toMatchObject({ kind: 'diff', seq: 4, base_seq: 0, tick: 4 })
    expect(folded.agents.map((a) => [a.id, a.x])).toEqual([['ada', 4]])
    // cy came and went between the frames this client has: it never knew cy, so only bob left.
    expect(folded.removed.sort()).toEqual(['bob'])
    expect(folded.events.map((e) => e.tick)).toEqual([1, 2, 3, 4])
  })

  it('sends a full frame after a new town, or to a client that lost the thread', async () => {
    const { pacer, publish } = setup()
    await pacer.next('s1', null, 0)
    publish(diff(1, [{ id: 'ada', x: 3 }]))
    expect(await pacer.next('s1', 7, 0)).toMatchObject({ kind: 'full', seq: 1 })
    worker = new FakeWorker()
    publish(worker.full([sampleAgentRow({ id: 'zed' })]))
    const fresh = await pacer.next('s1', 1, 0)
    expect(readFull(fresh!)).toMatchObject({ kind: 'full', seq: 2, agents: [{ id: 'zed' }] })
  })

  it('keeps sessions apart, replaces a second waiting request, and forgets ended sessions', async () => {
    const { pacer, publish } = setup()
    await pacer.next('a', null, 0)
    await pacer.next('b', null, 0)
    const first = pacer.next('a', 0, 5000)
    const second = pacer.next('a', 0, 5000)
    expect(await first).toBeNull()
    publish(diff(1, [{ id: 'ada', x: 9 }]))
    expect(await second).toMatchObject({ seq: 1 })
    expect(await pacer.next('b', 0, 0)).toMatchObject({ seq: 1, base_seq: 0 })
    const waiting = pacer.next('b', 1, 5000)
    pacer.forget('b')
    expect(await waiting).toBeNull()
    expect(await pacer.next('b', 1, 0)).toMatchObject({ kind: 'full' })
  })

  it('holds a session’s frames while its clock command is on its way, then sends what came meanwhile', async () => {
    const { pacer, publish } = setup()
    await pacer.next('s1', null, 0)
    const release = pacer.hold('s1')
    const waiting = pacer.next('s1', 0, 5000)
    let answered = false
    void waiting.then(() => (answered = true))
    publish(diff(1, [{ id: 'ada', x: 5 }]))
    await new Promise((r) => setTimeout(r, 10))
    expect(answered).toBe(false)
    // Others are not held.
    await pacer.next('s2', null, 0)
    release()
    expect(await waiting).toMatchObject({ kind: 'diff', seq: 1, base_seq: 0 })
  })
})
