/**
 * The shard as the operator sees it: the latest status (from frames and from every invoke reply
 * that returns one), the latest world summary, a ~60 s history of measured ticks/s and a short
 * history of the town's mean needs.
 */
import { createStore } from 'zustand/vanilla'
import type { Frame } from '../../../shared/contract/dto/frame'
import type { ShardStatus } from '../../../shared/contract/dto/shard-status'
import type { WorldSummary } from '../../../shared/contract/dto/world-summary'
import { needsPoint, pushNeeds } from './needs-history'
import type { NeedsPoint } from './needs-history'
import { pushTps } from './tps-history'
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
  /** Mean needs of the current world, sampled from frames that had agents in them. */
  needsHistory: NeedsPoint[]
  /** A clock change this window asked for and the shard has not confirmed yet ('pausing…'). */
  pending: 'pausing' | null
}

export function initialShard(): ShardSlice {
  return { status: null, world: null, lastFrameSeq: -1, fresh: false, tpsHistory: [], needsHistory: [], pending: null }
}

export function applyStatus(slice: ShardSlice, status: ShardStatus, now: number): ShardSlice {
  return {
    ...slice,
    status,
    fresh: true,
    tpsHistory: pushTps(slice.tpsHistory, { t: now, tps: status.measured_tps })
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

/** On a new connection the host may be a new session whose frame numbers start again at 0. */
export function markStale(slice: ShardSlice): ShardSlice {
  return { ...slice, fresh: false, lastFrameSeq: -1 }
}

export interface ShardStore extends ShardSlice {
  setStatus(status: ShardStatus, now?: number): void
  receiveFrame(frame: Frame, now?: number): void
  markStale(): void
  setPending(pending: ShardSlice['pending']): void
}

export function createShardStore() {
  return createStore<ShardStore>()((set) => ({
    ...initialShard(),
    setStatus: (status, now = Date.now()) => set((s) => applyStatus(s, status, now)),
    receiveFrame: (frame, now = Date.now()) => set((s) => applyFrame(s, frame, now)),
    markStale: () => set((s) => markStale(s)),
    setPending: (pending) => set({ pending })
  }))
}
