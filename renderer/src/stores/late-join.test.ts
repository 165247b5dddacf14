/**
 * A page that joins late seeds its stores from the host's `session.history`: the latest frame,
 * the charts' samples and the log, merged with what arrived live meanwhile without repeats.
 */
import { describe, expect, it } from 'vitest'
import type { Frame } from '../../../shared/contract/dto/frame'
import { SESSION_HISTORY_SCHEMA_VERSION, type SessionHistory } from '../../../shared/contract/dto/session-history'
import type { Kpis } from '../../../shared/contract/dto/society'
import { sampleConfig, sampleFrame, sampleStatus } from '../../../shared/testing/contract-samples'
import { mergeKpiHistory } from './kpi-seed'
import { seedLog } from './log-store'
import { applyFrame, applyHistory, applyStatus, initialShard } from './shard-store'
import { smoothTps } from './tps-history'

const SHA = sampleConfig.sha256

function pausedTown(seq: number, tick: number): Frame {
  const frame = sampleFrame(seq, { state: 'paused', tick }, 8)
  return { ...frame, world: { ...frame.world, day: 0, clock: '08:00' } }
}

function kpis(tick: number): Kpis {
  return { window_ticks: 100, tick, self_sufficiency: 0.5, tenure_days: 1, relationship_coverage: 0.2, starvation_incidents: 0, lateness_rate: 0.1, queue_conflict_rate: 0 }
}

/** The host's answer, its clock 10 s ahead of this page's (`hostNow` vs the page's `now`). */
function history(overrides: Partial<SessionHistory> = {}): SessionHistory {
  return {
    schema_version: SESSION_HISTORY_SCHEMA_VERSION,
    now: 110_000,
    frame: pausedTown(41, 1_200),
    log: [],
    tps: [
      { at: 100_000, tick: 1_000, tps: 30 },
      { at: 100_500, tick: 1_015, tps: 30 },
      { at: 101_000, tick: 1_030, tps: 0 }
    ],
    needs: [
      { at: 100_000, tick: 1_000, day: 0, clock: '07:40', config: SHA, hunger: 0.5, hygiene: 0.5, energy: 0.5 },
      { at: 101_000, tick: 1_200, day: 0, clock: '08:00', config: SHA, hunger: 0.4, hygiene: 0.4, energy: 0.4 }
    ],
    kpis: [kpis(1_000), kpis(1_100)],
    ...overrides
  }
}

describe('seeding the shard store from the host history', () => {
  it('shows a paused town at once: its world, status and charts, on this page clock', () => {
    const slice = applyHistory(initialShard(), history(), 100_000)
    expect(slice.world?.agents).toBe(8)
    expect(slice.status).toMatchObject({ state: 'paused', tick: 1_200 })
    expect(slice.lastFrameSeq).toBe(41)
    // The host's times move by the clocks' difference (page 100 000 ↔ host 110 000).
    expect(slice.tpsHistory.map((p) => p.t)).toEqual([90_000, 90_500, 91_000])
    expect(slice.needsHistory.map((p) => [p.t, p.tick])).toEqual([
      [90_000, 1_000],
      [100_000, 1_200]
    ])
    expect(slice.kpiSeed).toEqual({ config: SHA, points: [expect.objectContaining({ tick: 1_000 }), expect.objectContaining({ tick: 1_100 })] })
    expect(slice.kpiSeed?.points[0]).not.toHaveProperty('window_ticks')
  })

  it('keeps a frame that arrived live before the reply, and a newer status', () => {
    const live = applyFrame(initialShard(), sampleFrame(42, { state: 'running', tick: 1_300, measured_tps: 30 }, 8), 100_000)
    const seeded = applyHistory(live, history(), 100_100)
    expect(seeded.lastFrameSeq).toBe(42)
    expect(seeded.status?.tick).toBe(1_300)
    expect(seeded.world).toBe(live.world)
    // The host's tick-rate samples come first, this page's newer one after.
    expect(seeded.tpsHistory.map((p) => p.t)).toEqual([90_100, 90_600, 91_100, 100_000])

    const statusFirst = applyStatus(initialShard(), sampleStatus({ state: 'running', tick: 1_250 }), 100_000)
    const withFrame = applyHistory(statusFirst, history(), 100_100)
    expect(withFrame.world?.agents).toBe(8)
    expect(withFrame.status?.tick).toBe(1_250)
  })

  it('does not mix the host needs into another world this page already shows', () => {
    const other = { ...sampleConfig, sha256: 'b'.repeat(64) }
    const frame = sampleFrame(50, { tick: 5, config: other }, 3)
    const live = applyFrame(initialShard(), frame, 100_000)
    const seeded = applyHistory(live, history({ frame: null }), 100_100)
    expect(seeded.needsHistory.map((p) => p.config)).toEqual([other.sha256])
    // The seeded KPI windows belong to the host's config; a status of another config drops them.
    const withKpis = applyHistory(initialShard(), history(), 100_000)
    expect(applyStatus(withKpis, sampleStatus({ config: other }), 100_100).kpiSeed).toBeNull()
    expect(applyStatus(withKpis, sampleStatus(), 100_100).kpiSeed).toBe(withKpis.kpiSeed)
  })

  it('leaves everything as it was for an empty history', () => {
    const empty = applyHistory(initialShard(), history({ frame: null, tps: [], needs: [], kpis: [] }), 100_000)
    expect(empty).toMatchObject({ world: null, status: null, tpsHistory: [], needsHistory: [], kpiSeed: null, lastFrameSeq: -1 })
  })
})

describe('one smoothed tick rate', () => {
  it('averages the last 3 s, says 0 at once when the shard stops, and null with no samples', () => {
    expect(smoothTps([])).toBeNull()
    const running = [
      { t: 0, tps: 100 },
      { t: 5_000, tps: 40 },
      { t: 6_000, tps: 20 },
      { t: 7_000, tps: 30 }
    ]
    expect(smoothTps(running)).toBe(30)
    expect(smoothTps([...running, { t: 7_500, tps: 0 }])).toBe(0)
  })

  it('is what the store keeps beside the history, frame by frame', () => {
    let slice = initialShard()
    slice = applyFrame(slice, sampleFrame(1, { state: 'running', measured_tps: 41.2 }), 0)
    slice = applyFrame(slice, sampleFrame(2, { state: 'running', measured_tps: 16.4 }), 600)
    expect(slice.smoothedTps).toBeCloseTo(28.8)
  })
})

describe('seeding the log', () => {
  const line = (at: number, message: string) => ({ level: 'info' as const, source: 'host' as const, message, at })

  it('puts the host lines before, once each, in time order, bounded', () => {
    const live = [line(30, 'live'), line(20, 'both')]
    const seeded = seedLog(live, [line(10, 'old'), line(20, 'both')])
    expect(seeded.map((e) => e.message)).toEqual(['old', 'both', 'live'])
    expect(seedLog([], Array.from({ length: 300 }, (_, i) => line(i, `l${i}`)), 200)).toHaveLength(200)
  })
})

describe('the KPI history a late page charts', () => {
  const seed = { config: SHA, points: [kpis(100), kpis(200)] }

  it('puts the seeded windows before the live ones, and drops the seed for a new world', () => {
    expect(mergeKpiHistory(seed, []).map((p) => p.tick)).toEqual([100, 200])
    expect(mergeKpiHistory(seed, [kpis(200), kpis(300)]).map((p) => p.tick)).toEqual([100, 200, 300])
    expect(mergeKpiHistory(seed, [kpis(50)]).map((p) => p.tick)).toEqual([50])
    expect(mergeKpiHistory(null, [kpis(50)]).map((p) => p.tick)).toEqual([50])
  })
})
