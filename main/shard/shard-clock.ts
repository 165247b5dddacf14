/**
 * The shard's clock: runs ticks in slices of at most SLICE_MS between yields (so pause and step
 * requests are served promptly), at a target speed in ticks per second or as fast as it goes,
 * and measures the rate reached. With the scripted controller a slice runs synchronously; with a
 * model each tick awaits one inference, and stopping ends the slice after the tick in flight.
 */
import type { Speed } from '../../shared/contract/dto/shard-status'
import type { Scheduler } from './scheduler'
import type { Simulation } from './simulation'
import { TickRateMeter } from './tick-rate-meter'

/** Longest stretch of ticks between yields, so pause and step requests are served promptly. */
export const SLICE_MS = 10
/** How many ticks run between clock reads in a slice. */
const CLOCK_CHECK_EVERY = 1

/** What the clock drives. */
export interface ClockTarget {
  /** The simulation to step now (a config load replaces it). */
  simulation(): Simulation
  /** Called after every slice with the time it ended. */
  afterSlice(now: number): void
}

export class ShardClock {
  private readonly meter = new TickRateMeter()
  private cancelTimer: (() => void) | undefined
  private anchorAt = 0
  private anchorTick = 0
  private running = false
  /** The model-driven slice in flight, if any (its ticks wait on inference). */
  private sliceDone: Promise<void> | undefined

  constructor(
    private readonly scheduler: Scheduler,
    private readonly target: ClockTarget,
    private speedValue: Speed
  ) {}

  get speed(): Speed {
    return this.speedValue
  }

  /** Ticks per second measured while running. */
  rate(): number {
    return this.meter.rate()
  }

  /** Whether a model-driven slice is still finishing its tick. */
  get busy(): boolean {
    return this.sliceDone !== undefined
  }

  start(): void {
    this.running = true
    this.reanchor()
    this.scheduleNext()
  }

  /** Stop scheduling slices; a model-driven slice in flight ends after its current tick (see `settled`). */
  stop(): void {
    this.running = false
    this.cancelTimer?.()
    this.cancelTimer = undefined
  }

  /** Resolves once no model-driven slice is in flight. */
  async settled(): Promise<void> {
    await this.sliceDone
  }

  setSpeed(speed: Speed): void {
    this.speedValue = speed
    if (!this.running) return
    this.cancelTimer?.()
    this.reanchor()
    this.scheduleNext()
  }

  private get tick(): number {
    return this.target.simulation().world.state.tick
  }

  private runSlice(): void {
    this.cancelTimer = undefined
    const sim = this.target.simulation()
    if (sim.policy.async) {
      this.sliceDone = this.runSliceAsync(sim).finally(() => {
        this.sliceDone = undefined
      })
      return
    }
    const started = this.scheduler.now()
    let now = started
    if (this.speedValue === 'max') {
      do {
        for (let i = 0; i < CLOCK_CHECK_EVERY; i++) sim.step()
        now = this.scheduler.now()
      } while (now - started < SLICE_MS)
    } else {
      const due = this.dueOrReanchor(now)
      let sinceCheck = 0
      while (this.tick < due) {
        sim.step()
        if (++sinceCheck === CLOCK_CHECK_EVERY) {
          sinceCheck = 0
          now = this.scheduler.now()
          if (now - started >= SLICE_MS) break
        }
      }
      now = this.scheduler.now()
    }
    this.finishSlice(now)
  }

  /** A slice whose decisions come from a model: each tick awaits one inference. */
  private async runSliceAsync(sim: Simulation): Promise<void> {
    const started = this.scheduler.now()
    let now = started
    const due = this.speedValue === 'max' ? Infinity : this.dueOrReanchor(now)
    while (this.running && sim === this.target.simulation() && this.tick < due) {
      await sim.stepAsync()
      now = this.scheduler.now()
      if (now - started >= SLICE_MS) break
    }
    // Stopped, or a new config replaced the world, while the model ran: nothing more to do.
    if (!this.running || sim !== this.target.simulation()) return
    this.finishSlice(now)
  }

  private finishSlice(now: number): void {
    this.meter.record(now, this.tick)
    this.target.afterSlice(now)
    this.scheduleNext()
  }

  /**
   * The tick due now. More than a second behind (a slow tick, a suspended laptop): drop the
   * backlog rather than sprint to catch up.
   */
  private dueOrReanchor(now: number): number {
    const speed = this.speedValue === 'max' ? Infinity : this.speedValue
    const due = this.anchorTick + Math.floor(((now - this.anchorAt) * speed) / 1000)
    if (due - this.tick <= Math.max(speed, 1)) return due
    this.reanchor(now, this.tick)
    return this.tick + 1
  }

  private scheduleNext(): void {
    let delay = 0
    if (this.speedValue !== 'max') {
      const nextAt = this.anchorAt + ((this.tick + 1 - this.anchorTick) * 1000) / this.speedValue
      delay = Math.max(0, nextAt - this.scheduler.now())
    }
    this.cancelTimer = this.scheduler.after(delay, () => this.runSlice())
  }

  private reanchor(at = this.scheduler.now(), tick = this.tick): void {
    this.anchorAt = at
    this.anchorTick = tick
    this.meter.reset()
    this.meter.record(at, tick)
  }
}
