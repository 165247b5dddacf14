/**
 * When the shard sends its frames: a view frame (status and world summary) after a slice once
 * one is due, and an observer frame (the town, as diffs) on a schedule, both spaced by what
 * building them costs, so a big town's frames never take more than about a third of the worker's
 * time. With `credit` the next observer frame waits until the receiver took the last. A state
 * change (a pause, a load) sends its view at once but its observer frame just after: the reply to
 * the command that changed it goes out first, so a big town's frame never delays a Pause's answer.
 */
import type { ObserverFrame } from '../../shared/contract/dto/observer'
import type { SimEvent, World } from '../sim/state/world'
import { ObserverEmitter } from './observer-emitter'
import type { Scheduler } from './scheduler'
import { SLICE_MS } from './shard-clock'
import type { TelemetryView } from './society-view'

/** Frames wait at least this many times what building one costs. */
const FRAME_COST_SHARE = 3

export interface ShardFramesOptions<View> {
  scheduler: Scheduler
  /** The view to send (built once per emission: its world summary walks every agent). */
  view(): View
  onFrame?: (view: View) => void
  frameIntervalMs?: number
  onObserver?: (frame: ObserverFrame) => void
  observerIntervalMs?: number
  /** Wait for `acked()` before the next observer frame (see ShardOptions.observerCredit). */
  credit?: boolean
  /** What the observer frame is built from, now. */
  town(): { world: World; configId: string; telemetry: TelemetryView | undefined }
}

export class ShardFrames<View> {
  private readonly observer = new ObserverEmitter()
  private lastFrameAt = -Infinity
  private nextObserverAt = -Infinity
  /** An observer frame was sent and its receiver has not said it took it (credit). */
  private unacked = false
  /** What building a view and an observer frame costs lately, in ms. */
  private viewCostMs = 0
  private observerCostMs = 0
  /** A state change's observer frame is still to be sent. */
  private due = false
  private flushQueued = false

  constructor(private readonly options: ShardFramesOptions<View>) {}

  /** Whether a state change's observer frame is still to go out (it follows the command's reply). */
  get observerPending(): boolean {
    return this.due
  }

  /** The receiver took the last observer frame: the next may be sent. */
  acked(): void {
    this.unacked = false
  }

  /** A tick's events, for the next observer frame. */
  record(events: readonly SimEvent[]): void {
    if (this.options.onObserver) this.observer.record(events)
  }

  /** The next observer frame is a full one (a new world, or a client that lost the thread). */
  resetObserver(): void {
    this.observer.reset()
  }

  /** After a slice (or a step's chunk): a view frame when one is due, an observer frame when it is. */
  afterSlice(now: number): void {
    // Nobody listening (a townlet run, a bench): no view to build (its world summary walks every agent), no frame.
    if (!this.options.onFrame && !this.options.onObserver) return
    if (now - this.lastFrameAt >= Math.max(this.options.frameIntervalMs ?? 16, FRAME_COST_SHARE * this.viewCostMs)) this.emit(now, false)
  }

  /** The state changed: its view now, its observer frame right after (see the file header). */
  changed(): View {
    return this.emit(this.options.scheduler.now(), true)
  }

  private emit(now: number, stateChanged: boolean): View {
    const { scheduler, onObserver } = this.options
    this.lastFrameAt = now
    const view = this.options.view()
    this.options.onFrame?.(view)
    this.viewCostMs = smoothed(this.viewCostMs, scheduler.now() - now)
    if (!onObserver) return view
    if (stateChanged) {
      this.due = true
      if (!this.flushQueued) {
        this.flushQueued = true
        scheduler.after(0, () => {
          this.flushQueued = false
          if (this.due) this.sendObserver(scheduler.now())
        })
      }
      return view
    }
    // Frames can only go out between slices, so aim at a schedule (due times a fixed interval
    // apart, half a slice early allowed) rather than "interval since the last one", which would
    // round every gap up to whole slices and fall well short of the rate.
    if (!this.unacked && now >= this.nextObserverAt - SLICE_MS / 2) this.sendObserver(now)
    return view
  }

  /** Build and send an observer frame now, and plan the next one an interval on. */
  private sendObserver(now: number): void {
    const { scheduler, onObserver } = this.options
    if (!onObserver) return
    const intervalMs = Math.max(this.options.observerIntervalMs ?? 33, FRAME_COST_SHARE * this.observerCostMs)
    this.due = false
    this.nextObserverAt = now - this.nextObserverAt > intervalMs ? now + intervalMs : this.nextObserverAt + intervalMs
    this.unacked = this.options.credit === true
    const building = scheduler.now()
    const { world, configId, telemetry } = this.options.town()
    onObserver(this.observer.frame(world, configId, telemetry))
    this.observerCostMs = smoothed(this.observerCostMs, scheduler.now() - building)
  }
}

/** A moving average of a cost in ms, quick to follow a town that grew. */
function smoothed(average: number, sample: number): number {
  return average === 0 ? sample : average * 0.7 + sample * 0.3
}
