/**
 * What went wrong: the latest shard loop failure (until the shard recovers) and a short list of
 * error notices from failed requests, each dismissible.
 */
import { createStore } from 'zustand/vanilla'
import type { LoopFailure } from '../../../shared/contract/dto/events'
import type { ShardStatus } from '../../../shared/contract/dto/shard-status'
import type { AppError } from '../../../shared/result'

export interface RecordedFailure {
  failure: LoopFailure
  /** The shard's restart count when the failure arrived; a higher count means it was restarted. */
  restartsAtFailure: number
}

export interface Notice {
  id: number
  code: string
  message: string
  at: number
}

export interface FailureSlice {
  failure: RecordedFailure | null
  notices: Notice[]
  nextNoticeId: number
}

/** Older notices fall off; an operator reads the latest few, the log keeps the rest. */
export const MAX_NOTICES = 5

export function recordFailure(slice: FailureSlice, failure: LoopFailure, restartsNow: number): FailureSlice {
  return { ...slice, failure: { failure, restartsAtFailure: restartsNow } }
}

/**
 * Clears the failure once a status shows a restarted, healthy shard. Keyed on the restart count
 * rather than the state alone, so a frame sent just before the crash cannot hide the banner.
 */
export function clearIfRecovered(slice: FailureSlice, status: ShardStatus): FailureSlice {
  if (!slice.failure) return slice
  if (status.state === 'failed' || status.restarts <= slice.failure.restartsAtFailure) return slice
  return { ...slice, failure: null }
}

export function pushNotice(slice: FailureSlice, error: AppError, at: number): FailureSlice {
  const notice: Notice = { id: slice.nextNoticeId, code: error.code, message: error.message, at }
  const notices = [...slice.notices, notice].slice(-MAX_NOTICES)
  return { ...slice, notices, nextNoticeId: slice.nextNoticeId + 1 }
}

export function dismissNotice(slice: FailureSlice, id: number): FailureSlice {
  return { ...slice, notices: slice.notices.filter((n) => n.id !== id) }
}

export interface FailureStore extends FailureSlice {
  recordFailure(failure: LoopFailure, restartsNow: number): void
  observeStatus(status: ShardStatus): void
  clearFailure(): void
  pushNotice(error: AppError, at?: number): void
  dismissNotice(id: number): void
}

export function createFailureStore() {
  return createStore<FailureStore>()((set) => ({
    failure: null,
    notices: [],
    nextNoticeId: 1,
    recordFailure: (failure, restartsNow) => set((s) => recordFailure(s, failure, restartsNow)),
    observeStatus: (status) => set((s) => clearIfRecovered(s, status)),
    clearFailure: () => set({ failure: null }),
    pushNotice: (error, at = Date.now()) => set((s) => pushNotice(s, error, at)),
    dismissNotice: (id) => set((s) => dismissNotice(s, id))
  }))
}
