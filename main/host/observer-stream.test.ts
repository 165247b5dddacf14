/**
 * The observer stream end to end through a real worker: a session pulls (`observer.next`) a full
 * frame first, then diffs that chain by seq and carry only what changed; a session that asks
 * less often gets the frames it missed folded into one diff; a late session gets the whole town.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ObserverFrameSchema, type ObserverFrame, type ObserverFrameRows, type ObserverFull, type ObserverFullRows } from '../../shared/contract/dto/observer'
import { FakeClient, readFull } from './observer-test-frames'
import { createTestHost, okValue, type TestHost } from './test-host'

let host: TestHost | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
})

/** The next frame for `session` after `after` (null: nothing new within the wait). */
async function next(h: TestHost, session: string, after: number | null, waitMs = 2000): Promise<ObserverFrame | null> {
  const { frame } = okValue<{ frame: unknown }>(await h.callAs(session, 'observer.next', { after, wait_ms: waitMs }))
  return frame === null ? null : ObserverFrameSchema.parse(frame)
}

/** Pulls `session`'s frames until one reaches `tick`; its seq. */
async function pullUntil(h: TestHost, session: string, after: number, tick: number): Promise<number> {
  for (let seq = after; ; ) {
    const frame = await next(h, session, seq)
    if (!frame) throw new Error(`no frame reached tick ${tick}`)
    seq = frame.seq
    if (frame.tick >= tick) return seq
  }
}

describe('observer stream', () => {
  it('gives a session a full frame, then chained diffs with only the changed agents', async () => {
    host = createTestHost()
    await host.start()
    const first = (await next(host, 'viewer', null))!
    expect(first).toMatchObject({ kind: 'full', config_id: 'default' })
    const client = new FakeClient()
    const full = client.read(first) as ObserverFullRows
    expect(full.agents).toHaveLength(8)
    expect(full.map.rows[0]).toMatch(/^#+$/)
    expect(full.objects.find((o) => o.id === 'fridge_1')).toMatchObject({ type: 'fridge', home: 'house' })

    const seen: ObserverFrameRows[] = [full]
    let stepped = false
    while (seen.at(-1)!.tick < 30) {
      if (!stepped) {
        stepped = true
        await host.admin('shard.step', { ticks: 30 })
      }
      const frame = await next(host, 'viewer', seen.at(-1)!.seq)
      if (frame) seen.push(client.read(frame))
    }
    for (let k = 1; k < seen.length; k++) {
      const f = seen[k]!
      expect(f.kind).toBe('diff')
      if (f.kind === 'diff') expect(f.base_seq).toBe(seen[k - 1]!.seq)
    }
    const last = seen.at(-1)!
    // Thirty ticks in, people are on the move but the map and unchanged agents are not resent.
    expect(last.kind === 'diff' && last.agents.length).toBeGreaterThan(0)
    expect('map' in last).toBe(false)
    expect(await next(host, 'viewer', last.seq, 50)).toBeNull()

    const late = readFull(okValue<ObserverFull>(await host.call('observer.full'))) as ObserverFullRows
    expect(late).toMatchObject({ kind: 'full', tick: 30, seq: last.seq })
    expect(late.agents).toHaveLength(8)
  })

  it('folds what a session missed into one diff from the frame it has', async () => {
    host = createTestHost()
    await host.start()
    const first = (await next(host, 'slow', null))!
    // Another session takes each step's frame, so the host holds several frames the slow one
    // missed (the worker itself folds frames that come closer together than it sends them).
    let fast = first.seq
    for (let k = 0; k < 5; k++) {
      await host.admin('shard.step', { ticks: 10 })
      fast = await pullUntil(host, 'fast', fast, (k + 1) * 10)
    }
    const folded = (await next(host, 'slow', first.seq))!
    expect(folded).toMatchObject({ kind: 'diff', base_seq: first.seq })
    expect(folded.tick).toBeGreaterThanOrEqual(40)
    expect(folded.seq - first.seq).toBeGreaterThan(1)
  })

  it('starts over with a full frame after a config load', async () => {
    host = createTestHost()
    await host.start()
    const first = (await next(host, 'viewer', null))!
    await host.admin('config.load', { path: 'configs/scenarios/queue_conflict.yaml' })
    let frame: ObserverFrame | null = null
    for (let after = first.seq; frame?.kind !== 'full'; ) {
      frame = await next(host, 'viewer', after)
      if (frame) after = frame.seq
    }
    expect(frame).toMatchObject({ kind: 'full', config_id: 'scenario_queue_conflict' })
    expect((readFull(frame!) as ObserverFullRows).agents.map((a) => a.id).sort()).toEqual(['anna', 'ben', 'cara'])
  })
})
