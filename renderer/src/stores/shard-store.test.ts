import { describe, expect, it } from 'vitest'
import type { Frame } from '../../../shared/contract/dto/frame'
import type { ShardStatus } from '../../../shared/contract/dto/shard-status'
import { sampleConfig, sampleFrame, sampleStatus } from '../../../shared/testing/contract-samples'
import { applyFrame, applyStatus, initialShard, markStale } from './shard-store'
import type { ShardSlice } from './shard-store'
import { pushTps, TPS_HISTORY } from './tps-history'

describe('shard reducers', () => {
  it('takes status, world and sequence from a frame', () => {
    const next = applyFrame(initialShard(), sampleFrame(3, { state: 'running', tick: 40, measured_tps: 9.5 }, 2), 1000)
    expect(next.status?.tick).toBe(40)
    expect(next.world?.agents).toBe(2)
    expect(next.world).toEqual(sampleFrame(3, {}, 2).world)
    expect(next.lastFrameSeq).toBe(3)
    expect(next.fresh).toBe(true)
    expect(next.tpsHistory).toEqual([{ t: 1000, tps: 9.5, tick: 40 }])
  })

  it('drops frames older than the latest one', () => {
    const a = applyFrame(initialShard(), sampleFrame(5, { tick: 50 }), 0)
    const b = applyFrame(a, sampleFrame(4, { tick: 40 }), 10)
    expect(b).toBe(a)
  })

  it('accepts frame numbering from zero again after a reconnection', () => {
    const a = markStale(applyFrame(initialShard(), sampleFrame(9, { tick: 90 }), 0))
    expect(a.fresh).toBe(false)
    expect(applyFrame(a, sampleFrame(0, { tick: 1 }), 10).status?.tick).toBe(1)
  })

  it('takes invoke replies as the latest status', () => {
    const a = applyFrame(initialShard(), sampleFrame(1, { state: 'running' }), 0)
    expect(applyStatus(a, sampleStatus({ state: 'paused', tick: 7 }), 5).status?.state).toBe('paused')
  })
})

/** A frame of a town with agents whose mean needs are all `mean`. */
function townFrame(seq: number, tick: number, mean: number, status: Partial<ShardStatus> = {}): Frame {
  const frame = sampleFrame(seq, { tick, ...status }, 3)
  return { ...frame, world: { ...frame.world, day: 1, clock: '07:30', needs: { hunger: mean, hygiene: mean / 2, energy: 1 - mean } } }
}

describe('world and needs history', () => {
  it('keeps the whole latest world summary and starts with none', () => {
    expect(initialShard().world).toBeNull()
    const frame = townFrame(1, 10, 0.8)
    const next = applyFrame(initialShard(), frame, 0)
    expect(next.world).toBe(frame.world)
    expect(next.needsHistory).toEqual([
      { t: 0, tick: 10, day: 1, clock: '07:30', config: sampleConfig.sha256, hunger: 0.8, hygiene: 0.4, energy: expect.closeTo(0.2) }
    ])
  })

  it('samples needs at most every 500 ms and keeps the last 120 samples', () => {
    let slice: ShardSlice = initialShard()
    // ~30 frames a second for two minutes, one tick a frame
    for (let i = 0; i < 3_600; i++) slice = applyFrame(slice, townFrame(i, i, 0.5), i * 33)
    expect(slice.needsHistory).toHaveLength(120)
    expect(slice.needsHistory.at(-1)?.tick).toBe(3_599)
    // one sample per ~half second: a sample closes with the last frame before its interval ends,
    // and the newest one stays open (replaced by each frame) until the next interval begins
    for (let i = 1; i < slice.needsHistory.length - 1; i++) {
      expect(slice.needsHistory[i]!.t - slice.needsHistory[i - 1]!.t).toBeGreaterThan(500 - 33)
    }
  })

  it('adds no samples for a town without agents, but still takes its summary', () => {
    const a = applyFrame(initialShard(), townFrame(1, 10, 0.8), 0)
    const b = applyFrame(a, sampleFrame(2, { tick: 11 }, 0), 1_000)
    expect(b.world?.agents).toBe(0)
    expect(b.needsHistory).toBe(a.needsHistory)
  })

  it('starts the history afresh when the tick goes back or the config changes', () => {
    let slice = applyFrame(initialShard(), townFrame(1, 100, 0.8), 0)
    slice = applyFrame(slice, townFrame(2, 200, 0.7), 1_000)
    expect(slice.needsHistory).toHaveLength(2)
    const restarted = applyFrame(slice, townFrame(3, 1, 0.9), 2_000)
    expect(restarted.needsHistory.map((p) => p.tick)).toEqual([1])
    const other = { ...sampleConfig, sha256: 'b'.repeat(64) }
    const reloaded = applyFrame(slice, townFrame(3, 5_000, 0.9, { config: other }), 2_000)
    expect(reloaded.needsHistory.map((p) => p.tick)).toEqual([5_000])
  })

  it('keeps the world and the history across a reconnection', () => {
    const a = applyFrame(initialShard(), townFrame(4, 10, 0.8), 0)
    const b = markStale(a)
    expect(b.world).toBe(a.world)
    expect(b.needsHistory).toBe(a.needsHistory)
  })
})

describe('tps history', () => {
  it('keeps about 60 s and collapses close samples', () => {
    let history = pushTps([], { t: 0, tps: 1 })
    for (let t = 33; t <= 120_000; t += 33) history = pushTps(history, { t, tps: t })
    const last = history[history.length - 1]
    expect(last?.t).toBe(119_988)
    expect(history[0]!.t).toBeGreaterThanOrEqual(last!.t - TPS_HISTORY.windowMs)
    // one point per ~half second over the window, not one per frame
    expect(history.length).toBeLessThanOrEqual(TPS_HISTORY.windowMs / TPS_HISTORY.minIntervalMs + 2)
    expect(history.length).toBeGreaterThan(100)
  })

  it('forgets points from the future after a clock jump backwards', () => {
    const history = pushTps([{ t: 10_000, tps: 1 }], { t: 5_000, tps: 2 })
    expect(history).toEqual([{ t: 5_000, tps: 2 }])
  })
})
