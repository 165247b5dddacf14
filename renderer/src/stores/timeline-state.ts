/**
 * Which town this page shows: the live one, or a past tick of the session (read-only, for this
 * page only: the live town keeps running and every other client keeps its own view). Pure
 * functions over the slice; the store and the requests live elsewhere.
 *
 * A seek rebuilds the town "latest at" a tick (the host replays from the nearest keyframe); the
 * town this page draws for it is an observer slice built from the frame alone, so a past view
 * never mixes with the live stream's state.
 */
import type { TimelineFrame, TimelineStatus } from '../../../shared/contract/dto/timeline'
import type { AppError } from '../../../shared/result'
import { applyFullFrame, initialObserver } from './observer-state'
import type { ObserverSlice } from './observer-state'

export type TimelineMode = 'live' | 'past'

/** A span of ticks that playback loops over, both ends included. */
export interface LoopRange {
  from: number
  to: number
}

export interface TimelineSlice {
  status: TimelineStatus | null
  /** Why the last `timeline.status` failed ("code: message"); null once one answers. */
  statusError: string | null
  mode: TimelineMode
  /** The tick the operator asked to see; null in live mode. Moves at once, before its frame comes. */
  target: number | null
  /** The frame on screen in past mode (it may lag `target` while a fetch runs). */
  frame: TimelineFrame | null
  /** The town built from `frame`, as the observer panels read it. */
  past: ObserverSlice | null
  loading: boolean
  /** The last failed frame fetch; cleared by the next frame. */
  frameError: AppError | null
  loop: LoopRange | null
  /** Past-mode playback: one tick after another, every tick fetched. */
  playing: boolean
}

export function initialTimeline(): TimelineSlice {
  return { status: null, statusError: null, mode: 'live', target: null, frame: null, past: null, loading: false, frameError: null, loop: null, playing: false }
}

/** The ticks a page can look at: from the oldest kept keyframe to the live tick. */
export interface TickSpan {
  earliest: number
  live: number
}

/**
 * The span, from the timeline status and the shard's tick (frames move it more often than the
 * status is polled). With no status yet only the live tick is known.
 */
export function tickSpan(status: TimelineStatus | null, shardTick: number): TickSpan {
  const live = Math.max(status?.live_tick ?? 0, shardTick)
  const earliest = Math.min(status?.earliest_tick ?? live, live)
  return { earliest, live }
}

export function clampTick(span: TickSpan, tick: number): number {
  return Math.min(span.live, Math.max(span.earliest, Math.round(tick)))
}

/** The tick a past view shows, or asks for; null when live. */
export function viewedTick(slice: TimelineSlice): number | null {
  return slice.mode === 'past' ? (slice.target ?? slice.frame?.tick ?? null) : null
}

export function seekTo(slice: TimelineSlice, tick: number): TimelineSlice {
  return { ...slice, mode: 'past', target: tick, loading: true }
}

/** A fetched frame: shown when it is the tick last asked for (older replies of a drag are dropped by the caller). */
export function showFrame(slice: TimelineSlice, frame: TimelineFrame, now: number): TimelineSlice {
  if (slice.mode !== 'past') return slice
  return { ...slice, frame, past: applyFullFrame(initialObserver(), frame.frame, now), loading: slice.target !== frame.tick, frameError: null }
}

export function frameFailed(slice: TimelineSlice, error: AppError): TimelineSlice {
  if (slice.mode !== 'past') return slice
  // The cursor goes back to what is on screen: a failed seek must not claim to show its tick.
  return { ...slice, target: slice.frame?.tick ?? slice.target, loading: false, frameError: error, playing: false }
}

/** Back to the live town; the loop range is kept for the next visit. */
export function goLive(slice: TimelineSlice): TimelineSlice {
  if (slice.mode === 'live' && slice.frame === null) return slice
  return { ...slice, mode: 'live', target: null, frame: null, past: null, loading: false, frameError: null, playing: false }
}

/** A range in either order, inside the span; null clears it. */
export function normaliseLoop(span: TickSpan, range: LoopRange | null): LoopRange | null {
  if (range === null) return null
  const a = clampTick(span, range.from)
  const b = clampTick(span, range.to)
  return a === b ? null : { from: Math.min(a, b), to: Math.max(a, b) }
}

/**
 * The next tick of playback: one forward, back to the loop's start after its end, and null when
 * playback reaches the live tick with no loop (then the page returns to live).
 */
export function nextPlayTick(current: number, span: TickSpan, loop: LoopRange | null): number | null {
  if (loop !== null) return current >= loop.to || current < loop.from ? loop.from : current + 1
  return current >= span.live ? null : current + 1
}
