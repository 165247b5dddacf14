/**
 * Promotion windows: the run is cut into windows of `window_ticks` (aligned to tick 0, so window
 * k covers ticks k·W+1 … (k+1)·W). A window passes when no alert outside `allowed_alerts` was
 * raised during it, and fails with the alerts as its reasons. `required_passes` consecutive passes
 * make the candidate ready; a failure starts the count again.
 */
import type { AlertName, StabilityConfig } from '../../config/sections/telemetry'
import type { AlertSignal } from './alert-signal'

export interface PromotionWindow {
  start_tick: number
  end_tick: number
  passed: boolean
  reasons: string[]
}

export interface PromotionJson {
  start: number | null
  /** Alert name → the first reason seen in the current window. */
  failures: [string, string][]
  streak: number
  history: PromotionWindow[]
}

export interface PromotionView {
  windows: PromotionWindow[]
  candidate_ready: boolean
  pass_streak: number
  required_passes: number
  current_window: { start_tick: number; end_tick: number; failing: string[] } | null
}

export class PromotionTracker {
  private start: number | null = null
  private failures = new Map<string, string>()
  private streak = 0
  private history: PromotionWindow[] = []
  private readonly allowed: ReadonlySet<AlertName>

  constructor(private readonly cfg: StabilityConfig['promotion']) {
    this.allowed = new Set(cfg.allowed_alerts)
  }

  /** Record this tick's active alerts; closes the window when this is its last tick. */
  observe(tick: number, alerts: readonly AlertSignal[]): void {
    const w = this.cfg.window_ticks
    this.start ??= tick
    const end = this.endOf(this.start)
    // Ticks skipped past the window's end (a hub fed irregularly) close it as it stood.
    if (tick > end) this.close(end, tick)
    for (const alert of alerts) {
      if (this.allowed.has(alert.name) || this.failures.has(alert.name)) continue
      this.failures.set(alert.name, `${alert.name} at tick ${tick}: ${alert.message}`)
    }
    if (tick % w === 0) this.close(tick, tick + 1)
  }

  private endOf(start: number): number {
    const w = this.cfg.window_ticks
    return Math.ceil(start / w) * w || w
  }

  private close(end: number, next: number): void {
    const passed = this.failures.size === 0
    this.history.push({ start_tick: this.start ?? end, end_tick: end, passed, reasons: [...this.failures.values()] })
    if (this.history.length > this.cfg.history) this.history.splice(0, this.history.length - this.cfg.history)
    this.streak = passed ? this.streak + 1 : 0
    this.failures.clear()
    this.start = next
  }

  candidateReady(): boolean {
    return this.streak >= this.cfg.required_passes
  }

  view(): PromotionView {
    return {
      windows: this.history.map((h) => ({ ...h, reasons: [...h.reasons] })),
      candidate_ready: this.candidateReady(),
      pass_streak: this.streak,
      required_passes: this.cfg.required_passes,
      current_window: this.start === null ? null : { start_tick: this.start, end_tick: this.endOf(this.start), failing: [...this.failures.keys()] }
    }
  }

  toJSON(): PromotionJson {
    return { start: this.start, failures: [...this.failures.entries()], streak: this.streak, history: this.history.map((h) => ({ ...h, reasons: [...h.reasons] })) }
  }

  static fromJSON(cfg: StabilityConfig['promotion'], json: PromotionJson): PromotionTracker {
    const p = new PromotionTracker(cfg)
    p.start = json.start
    p.failures = new Map(json.failures)
    p.streak = json.streak
    p.history = json.history.map((h) => ({ ...h, reasons: [...h.reasons] }))
    return p
  }
}
