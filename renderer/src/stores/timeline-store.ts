/**
 * The timeline's store: this page's view of the session's past (see timeline-state.ts for the
 * rules). `app/observer-view` reads `mode` and `past` to decide which town the panels draw.
 */
import { createStore } from 'zustand/vanilla'
import type { TimelineFrame, TimelineStatus } from '../../../shared/contract/dto/timeline'
import type { AppError } from '../../../shared/result'
import { frameFailed, goLive, initialTimeline, seekTo, showFrame } from './timeline-state'
import type { LoopRange, TimelineSlice } from './timeline-state'

export interface TimelineStore extends TimelineSlice {
  setStatus(status: TimelineStatus): void
  setStatusError(error: string): void
  /** Enter (or stay in) past mode at `tick`; its frame is asked for by the caller. */
  seek(tick: number): void
  showFrame(frame: TimelineFrame, now?: number): void
  frameFailed(error: AppError): void
  goLive(): void
  setLoop(range: LoopRange | null): void
  setPlaying(playing: boolean): void
}

export function createTimelineStore() {
  return createStore<TimelineStore>()((set) => ({
    ...initialTimeline(),
    setStatus: (status) => set({ status, statusError: null }),
    setStatusError: (statusError) => set({ statusError }),
    seek: (tick) => set((s) => seekTo(s, tick)),
    showFrame: (frame, now = Date.now()) => set((s) => showFrame(s, frame, now)),
    frameFailed: (error) => set((s) => frameFailed(s, error)),
    goLive: () => set((s) => goLive(s)),
    setLoop: (loop) => set({ loop }),
    setPlaying: (playing) => set((s) => (s.mode === 'past' || !playing ? { playing } : s))
  }))
}
