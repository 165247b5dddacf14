/**
 * Lateness: `job_late` flags per shift started over the window. Above `max_rate` (with at least
 * `min_shifts` starts to judge by) raises `lateness_spike`. A rate rather than the original's raw
 * count, so a town of 1,000 workers is judged by the same bar as one of eight.
 */
import type { StabilityConfig } from '../../config/sections/telemetry'
import type { TickFacts } from '../observe-input'
import { RollingWindow, type RollingWindowJson } from '../rolling-window'
import { lazySignal, pct, plural, type AlertSignal } from './alert-signal'

export class LatenessMonitor {
  /** [late flags, shift starts] per tick. */
  private window: RollingWindow

  constructor(private readonly cfg: StabilityConfig['lateness']) {
    this.window = new RollingWindow(cfg.window_ticks, 2)
  }

  observe(facts: TickFacts): AlertSignal | null {
    this.window.prune(facts.tick)
    this.window.add(facts.tick, facts.ofType('job_late').length, facts.shiftStarts)
    const rate = this.rate()
    const starts = this.window.sum(1)
    if (rate === null || starts < this.cfg.min_shifts || rate <= this.cfg.max_rate) return null
    const late = this.window.sum(0)
    return lazySignal('lateness_spike', () => `${plural(late, 'late arrival')} in ${plural(starts, 'shift')} over the last ${this.cfg.window_ticks} ticks (${pct(rate)}, max ${pct(this.cfg.max_rate)})`)
  }

  /** Late flags per shift start in the window (capped at 1: a shift that began before the window can end late inside it), or null. */
  rate(): number | null {
    const starts = this.window.sum(1)
    return starts === 0 ? null : Math.min(1, this.window.sum(0) / starts)
  }

  toJSON(): RollingWindowJson {
    return this.window.toJSON()
  }

  static fromJSON(cfg: StabilityConfig['lateness'], json: RollingWindowJson): LatenessMonitor {
    const m = new LatenessMonitor(cfg)
    m.window = RollingWindow.fromJSON(json, cfg.window_ticks)
    return m
  }
}
