/**
 * Moving this page through the session's past. A seek asks for the town "latest at" a tick (the
 * host rebuilds it from the nearest keyframe); a step walks there one tick at a time, fetching
 * every tick's frame so none is skipped; playback is steps on a timer, looping over the selected
 * range. One fetch runs at a time and always heads for the latest target, so a drag along the
 * scrubber shows frames on the way without piling requests up. Fork and reopen change the shard
 * (admin): their reply is the shard's new status, and the page returns to the live town.
 */
import type { ShardStatus } from '../../../../shared/contract/dto/shard-status'
import type { TimelineStatus } from '../../../../shared/contract/dto/timeline'
import type { Result } from '../../../../shared/result'
import { acceptStatus } from '../../app/shard-sync'
import type { Stores } from '../../stores/stores'
import { clampTick, nextPlayTick, normaliseLoop, tickSpan } from '../../stores/timeline-state'
import type { LoopRange, TickSpan } from '../../stores/timeline-state'
import type { SnapshotInvoke } from '../snapshots/snapshot-api'

/** How often a watched timeline status is asked for again. */
export const TIMELINE_POLL_MS = 1_000
/** Playback pace: at most this many frames a second, each tick fetched. */
export const PLAY_TICK_MS = 100
/** A step target further than this from the frame on screen is reached by one seek instead. */
const MAX_WALK = 1_000

export interface TimelineCommandOptions {
  clock?: () => number
  sleep?: (ms: number) => Promise<void>
}

function pageHidden(): boolean {
  return (globalThis as { document?: { hidden?: boolean } }).document?.hidden === true
}

export function createTimelineCommands(invoke: SnapshotInvoke, stores: Stores, options: TimelineCommandOptions = {}) {
  const clock = options.clock ?? Date.now
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const timeline = () => stores.timeline.getState()
  // Bumped by every return to live: a reply asked for before it is dropped.
  let generation = 0
  // True while the current target was set by a step (walk tick by tick), false after a seek.
  let walking = false
  let draining: Promise<void> | null = null

  function span(): TickSpan {
    return tickSpan(timeline().status, stores.shard.getState().status?.tick ?? 0)
  }

  /** The next tick to fetch on the way to the target, or null when the frame on screen is it. */
  function nextFetch(): number | null {
    const { mode, target, frame } = timeline()
    if (mode !== 'past' || target === null) return null
    const shown = frame?.tick ?? null
    if (shown === target) return null
    if (!walking || shown === null || Math.abs(target - shown) > MAX_WALK) return target
    return shown + Math.sign(target - shown)
  }

  /** Fetches frames until the target is on screen (or a fetch fails, or the page went live). */
  function drain(): Promise<void> {
    if (draining) return draining
    const mine = generation
    draining = (async () => {
      for (let tick = nextFetch(); tick !== null && mine === generation; tick = nextFetch()) {
        const reply = await invoke('timeline.frame', { tick })
        if (mine !== generation) break
        if (reply.ok) timeline().showFrame(reply.value, clock())
        else {
          timeline().frameFailed(reply.error)
          break
        }
      }
      draining = null
    })()
    return draining
  }

  /** Shows the town at `tick` (clamped to what the timeline keeps); enters past mode. */
  function seekTick(tick: number): Promise<void> {
    walking = false
    timeline().seek(clampTick(span(), tick))
    return drain()
  }

  /** One tick back or forward. From live, a step back enters past mode at the tick before live. */
  function stepTick(delta: -1 | 1): Promise<void> {
    const state = timeline()
    const live = span().live
    if (state.mode === 'live') return delta < 0 ? seekTick(live - 1) : Promise.resolve()
    const from = state.target ?? state.frame?.tick ?? live
    const to = clampTick(span(), from + delta)
    if (to === from) return Promise.resolve()
    walking = true
    timeline().seek(to)
    return drain()
  }

  function backToLive(): void {
    generation += 1
    walking = false
    timeline().goLive()
  }

  /** Plays forward tick by tick until paused, looping over the range when one is set; live ends it. */
  async function play(): Promise<void> {
    if (timeline().mode !== 'past' || timeline().playing) return
    timeline().setPlaying(true)
    const mine = generation
    while (timeline().playing && mine === generation) {
      const { frame, target, loop } = timeline()
      const next = nextPlayTick(frame?.tick ?? target ?? span().live, span(), loop)
      if (next === null) return backToLive()
      walking = frame !== null && Math.abs(next - frame.tick) === 1
      timeline().seek(next)
      await drain()
      await sleep(PLAY_TICK_MS)
    }
  }

  async function refreshTimeline(): Promise<boolean> {
    const reply = await invoke('timeline.status', {})
    if (reply.ok) timeline().setStatus(reply.value)
    else timeline().setStatusError(`${reply.error.code}: ${reply.error.message}`)
    return reply.ok
  }

  /** A fork or reopen answered with the shard's new status: that town is live now. */
  async function changeBranch(call: Promise<Result<ShardStatus>>): Promise<Result<ShardStatus>> {
    const reply = await call
    if (reply.ok) {
      acceptStatus(stores, reply.value)
      stores.observer.getState().markStale()
      backToLive()
      void refreshTimeline()
    }
    return reply
  }

  let watchers = 0
  let timer: ReturnType<typeof setInterval> | null = null

  return {
    seekTick,
    stepTick,
    backToLive,
    play,
    pause: () => timeline().setPlaying(false),
    setLoop: (range: LoopRange | null) => timeline().setLoop(normaliseLoop(span(), range)),
    refreshTimeline,
    /** Fetch the status now and about once a second until every watcher has let go. */
    watchTimeline(): () => void {
      watchers += 1
      if (watchers === 1) {
        timer = setInterval(() => {
          if (!pageHidden()) void refreshTimeline()
        }, TIMELINE_POLL_MS)
      }
      void refreshTimeline()
      let done = false
      return () => {
        if (done) return
        done = true
        watchers -= 1
        if (watchers === 0 && timer !== null) {
          clearInterval(timer)
          timer = null
        }
      }
    },
    forkAt: (tick: number) => changeBranch(invoke('timeline.fork', { tick })),
    reopenBranch: (branch: string) => changeBranch(invoke('timeline.reopen', { branch })),
    async bookmarkTick(tick: number, label: string): Promise<Result<TimelineStatus>> {
      const reply = await invoke('timeline.bookmark', { tick, label })
      if (reply.ok) timeline().setStatus(reply.value)
      return reply
    }
  }
}

export type TimelineCommands = ReturnType<typeof createTimelineCommands>
