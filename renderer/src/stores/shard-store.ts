/**
 * The shard as the operator sees it: the latest status (from frames and from every invoke reply
 * that returns one), the latest world summary, a ~60 s history of measured ticks/s (and the one
 * smoothed figure every panel shows), a short history of the town's mean needs, and the KPI
 * windows the host saw before this page joined. A page that joins late seeds all of it from the
 * host's `session.history`, so it draws what a page that was there all along draws.
 */
import { createStore } from 'zustand/vanilla'
import type { Frame } from '../../../shared/contract/dto/frame'
import type { SessionHistory } from '../../../shared/contract/dto/session-history'
import type { ShardStatus } from '../../../shared/contract/dto/shard-status'
import type { WorldSummary } from '../../../shared/contract/dto/world-summary'
import type { KpiSeed } from './kpi-seed'
import { needsPoint, pushNeeds, seedNeeds } from './needs-history'
import type { NeedsPoint } from './needs-history'
import { kpiPoint } from './society-history'
import { pushTps, seedTps, smoothTps } from './tps-history'
import type { TpsPoint } from './tps-history'

export interface ShardSlice {
  status: ShardStatus | null
  /** The town's live statistics from the latest frame; null until a frame arrives. */
  world: WorldSummary | null
  /** Highest frame_seq seen on this connection; older frames are dropped as stale. */
  lastFrameSeq: number
  /** False from (re)connection until a status arrives on the new connection. */
  fresh: boolean
  tpsHistory: TpsPoint[]
  /** Ticks/s averaged over the last few seconds (see smoothTps): the header and the Tick-rate card both show it. */
  smoothedTps: number | null
  /** Mean needs of the current world, sampled from frames that had agents in them. */
  needsHistory: NeedsPoint[]
  /** The KPI windows of the current world from before this page joined; the KPI charts put them first (mergeKpiHistory). */
  kpiSeed: KpiSeed | null
  /** A clock change this window asked for and the shard has not confirmed yet ('pausing…'). */
  pending: 'pausing' | null
}

export function initialShard(): ShardSlice {
  return { status: null, world: null, lastFrameSeq: -1, fresh: false, tpsHistory: [], smoothedTps: null, needsHistory: [], kpiSeed: null, pending: null }
}

export function applyStatus(slice: ShardSlice, status: ShardStatus, now: number): ShardSlice {
  const tpsHistory = pushTps(slice.tpsHistory, { t: now, tps: status.measured_tps, tick: status.tick })
  return {
    ...slice,
    status,
    fresh: true,
    tpsHistory,
    smoothedTps: smoothTps(tpsHistory),
    // Another config is another world: the seeded windows were the old one's.
    kpiSeed: slice.kpiSeed && slice.kpiSeed.config !== status.config.sha256 ? null : slice.kpiSeed
  }
}

export function applyFrame(slice: ShardSlice, frame: Frame, now: number): ShardSlice {
  if (frame.frame_seq <= slice.lastFrameSeq) return slice
  return {
    ...applyStatus(slice, frame.status, now),
    world: frame.world,
    lastFrameSeq: frame.frame_seq,
    needsHistory: nextNeedsHistory(slice, frame, now)
  }
}

/** Means over no agents are not needs (the summary reports 0), so such frames add no sample. */
function nextNeedsHistory(slice: ShardSlice, frame: Frame, now: number): NeedsPoint[] {
  if (frame.world.agents === 0) return slice.needsHistory
  return pushNeeds(slice.needsHistory, needsPoint(frame.world, frame.status, now))
}

/**
 * The host's history for a page that joins late, its `at` times moved onto this page's clock
 * (`now` is when the reply arrived, `history.now` when the host sent it). Samples this page took
 * meanwhile follow the host's; the host's latest frame applies unless a newer one arrived first,
 * and its status unless a newer status (a later tick of the same config) did.
 */
export function applyHistory(slice: ShardSlice, history: SessionHistory, now: number): ShardSlice {
  const offset = now - history.now
  const tps = history.tps.map((s) => ({ t: s.at + offset, tps: s.tps, tick: s.tick }))
  const needs = history.needs.map(({ at, ...sample }) => ({ ...sample, t: at + offset }))
  const tpsHistory = seedTps(slice.tpsHistory, tps)
  const config = history.frame?.status.config.sha256 ?? null
  const seeded: ShardSlice = {
    ...slice,
    tpsHistory,
    smoothedTps: smoothTps(tpsHistory),
    needsHistory: seedNeeds(slice.needsHistory, needs),
    kpiSeed: config !== null && history.kpis.length > 0 ? { config, points: history.kpis.map(kpiPoint) } : null
  }
  const frame = history.frame
  if (frame === null || frame.frame_seq <= slice.lastFrameSeq) return seeded
  const current = slice.fresh ? slice.status : null
  const newerStatus = current !== null && current.config.sha256 === frame.status.config.sha256 && current.tick > frame.status.tick
  return {
    ...seeded,
    status: newerStatus ? current : frame.status,
    fresh: true,
    world: frame.world,
    lastFrameSeq: frame.frame_seq,
    needsHistory: nextNeedsHistory(seeded, frame, now)
  }
}

/** On a new connection the host may be a new session whose frame numbers start again at 0. */
export function markStale(slice: ShardSlice): ShardSlice {
  return { ...slice, fresh: false, lastFrameSeq: -1 }
}

export interface ShardStore extends ShardSlice {
  setStatus(status: ShardStatus, now?: number): void
  receiveFrame(frame: Frame, now?: number): void
  receiveHistory(history: SessionHistory, now?: number): void
  markStale(): void
  setPending(pending: ShardSlice['pending']): void
}

export function createShardStore() {
  return createStore<ShardStore>()((set) => ({
    ...initialShard(),
    setStatus: (status, now = Date.now()) => set((s) => applyStatus(s, status, now)),
    receiveFrame: (frame, now = Date.now()) => set((s) => applyFrame(s, frame, now)),
    receiveHistory: (history, now = Date.now()) => set((s) => applyHistory(s, history, now)),
    markStale: () => set((s) => markStale(s)),
    setPending: (pending) => set({ pending })
  }))
}
