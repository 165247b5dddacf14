/**
 * Two analyzers that count one kind of event over a window:
 * - rivalry spikes: `rivalry_changed` events that raise a rivalry to `value_threshold` or more;
 *   `max_events` or more raise `rivalry_spike`;
 * - affordance failures: `affordance_fail` events; more than `max_failures` raise
 *   `affordance_failures_exceeded`. Each event is listed once per tick (the original listed every
 *   event twice, so its counts were doubled).
 */
import type { StabilityConfig } from '../../config/sections/telemetry'
import type { TickFacts } from '../observe-input'
import { RollingWindow, type RollingWindowJson } from '../rolling-window'
import { lazySignal, plural, type AlertSignal } from './alert-signal'

export class RivalrySpikeAnalyzer {
  private window: RollingWindow

  constructor(private readonly cfg: StabilityConfig['rivalry']) {
    this.window = new RollingWindow(cfg.window_ticks)
  }

  observe(facts: TickFacts): AlertSignal | null {
    let spikes = 0
    for (const e of facts.ofType('rivalry_changed')) {
      if (e.value >= this.cfg.value_threshold && e.delta > 0) spikes++
    }
    this.window.prune(facts.tick)
    this.window.add(facts.tick, spikes)
    const count = this.count()
    if (count < this.cfg.max_events) return null
    return lazySignal('rivalry_spike', () => `${plural(count, 'rivalry increase')} to ${this.cfg.value_threshold}+ in the last ${this.cfg.window_ticks} ticks (max ${this.cfg.max_events})`)
  }

  count(): number {
    return this.window.sum()
  }

  toJSON(): RollingWindowJson {
    return this.window.toJSON()
  }

  static fromJSON(cfg: StabilityConfig['rivalry'], json: RollingWindowJson): RivalrySpikeAnalyzer {
    const a = new RivalrySpikeAnalyzer(cfg)
    a.window = RollingWindow.fromJSON(json, cfg.window_ticks)
    return a
  }
}

export class AffordanceFailureAnalyzer {
  private window: RollingWindow

  constructor(private readonly cfg: StabilityConfig['affordance_failures']) {
    this.window = new RollingWindow(cfg.window_ticks)
  }

  observe(facts: TickFacts): AlertSignal | null {
    this.window.prune(facts.tick)
    this.window.add(facts.tick, facts.ofType('affordance_fail').length)
    const count = this.count()
    if (count <= this.cfg.max_failures) return null
    return lazySignal('affordance_failures_exceeded', () => `${plural(count, 'affordance failure')} in the last ${this.cfg.window_ticks} ticks (max ${this.cfg.max_failures})`)
  }

  count(): number {
    return this.window.sum()
  }

  toJSON(): RollingWindowJson {
    return this.window.toJSON()
  }

  static fromJSON(cfg: StabilityConfig['affordance_failures'], json: RollingWindowJson): AffordanceFailureAnalyzer {
    const a = new AffordanceFailureAnalyzer(cfg)
    a.window = RollingWindow.fromJSON(json, cfg.window_ticks)
    return a
  }
}
