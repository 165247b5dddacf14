/**
 * The observer stream's store: the town for the Map, Agents, Economy panels and the inspector.
 * The rules are the pure functions of observer-state.ts; fetching a full frame after a gap is the
 * wiring's job (app/observer-commands.ts), told by `receive` returning 'gap'.
 */
import { createStore } from 'zustand/vanilla'
import type { ObserverFrame, ObserverFull } from '../../../shared/contract/dto/observer'
import { initialObserver, markStale, receiveFetchedFull, receiveFrame, setError } from './observer-state'
import type { FrameOutcome, ObserverSlice } from './observer-state'

export interface ObserverStore extends ObserverSlice {
  /** Applies a streamed frame; 'gap' means a full frame must be fetched. */
  receive(frame: ObserverFrame, now?: number): FrameOutcome
  receiveFull(full: ObserverFull, now?: number): void
  markStale(): void
  setError(error: string | null): void
}

/** An observer store with no town yet. */
export function createObserverStore() {
  return createStore<ObserverStore>()((set, get) => ({
    ...initialObserver(),
    receive(frame, now = Date.now()) {
      const { slice, outcome } = receiveFrame(get(), frame, now)
      if (slice !== get()) set(slice)
      return outcome
    },
    receiveFull: (full, now = Date.now()) => set((s) => receiveFetchedFull(s, full, now)),
    markStale: () => set((s) => markStale(s)),
    setError: (error) => set((s) => setError(s, error))
  }))
}
