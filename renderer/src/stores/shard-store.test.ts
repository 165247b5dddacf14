import { describe, expect, it } from 'vitest'
import { sampleFrame, sampleStatus } from '../../../shared/testing/contract-samples'
import { applyFrame, applyStatus, initialShard, markStale } from './shard-store'
import { pushTps, TPS_HISTORY } from './tps-history'

describe('shard reducers', () => {
  it('takes status, world and sequence from a frame', () => {
    const next = applyFrame(initialShard(), sampleFrame(3, { state: 'running', tick: 40, measured_tps: 9.5 }, 2), 1000)
    expect(next.status?.tick).toBe(40)
    expect(next.agents).toBe(2)
    expect(next.lastFrameSeq).toBe(3)
    expect(next.fresh).toBe(true)
    expect(next.tpsHistory).toEqual([{ t: 1000, tps: 9.5 }])
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
