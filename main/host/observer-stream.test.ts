/**
 * The observer stream end to end through a real worker: a full frame first, then diffs that chain
 * by seq and carry only what changed; a late subscriber gets the whole town from the host.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { ObserverFrameSchema, type ObserverFrame, type ObserverFull } from '../../shared/contract/dto/observer'
import { createTestHost, type TestHost } from './test-host'

let host: TestHost | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
})

const frames = (h: TestHost) => h.received.filter((e) => e.name === 'observer.frame').map((e) => ObserverFrameSchema.parse(e.payload))

describe('observer stream', () => {
  it('sends a full frame, then chained diffs with only the changed agents', async () => {
    host = createTestHost()
    await host.start()
    await host.waitFor('observer.frame')
    const first = frames(host)[0]!
    expect(first).toMatchObject({ kind: 'full', config_id: 'default' })
    const full = first as ObserverFull
    expect(full.agents).toHaveLength(8)
    expect(full.map.rows[0]).toMatch(/^#+$/)
    expect(full.objects.find((o) => o.id === 'fridge_1')).toMatchObject({ type: 'fridge', home: 'house' })

    await host.admin('shard.step', { ticks: 30 })
    await host.waitFor('observer.frame', (f: ObserverFrame) => f.tick === 30)
    const all = frames(host)
    for (let k = 1; k < all.length; k++) {
      const f = all[k]!
      if (f.kind === 'diff') expect(f.base_seq).toBe(all[k - 1]!.seq)
    }
    const last = all[all.length - 1]!
    expect(last.kind).toBe('diff')
    // Thirty ticks in, people are on the move but the map and unchanged agents are not resent.
    expect(last.kind === 'diff' && last.agents.length).toBeGreaterThan(0)
    expect('map' in last).toBe(false)

    const late = await host.call('observer.full')
    expect(late.ok && (late.value as ObserverFull)).toMatchObject({ kind: 'full', tick: 30, seq: last.seq })
    expect(late.ok && (late.value as ObserverFull).agents).toHaveLength(8)
  })

  it('starts over with a full frame after a config load', async () => {
    host = createTestHost()
    await host.start()
    await host.waitFor('observer.frame')
    await host.admin('config.load', { path: 'configs/scenarios/queue_conflict.yaml' })
    const loaded = (await host.waitFor('observer.frame', (f: ObserverFrame) => f.kind === 'full' && f.config_id === 'scenario_queue_conflict')) as ObserverFull
    expect(loaded.agents.map((a) => a.id).sort()).toEqual(['anna', 'ben', 'cara'])
  })
})
