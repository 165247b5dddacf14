/**
 * Queue fairness pressure: ghost steps (stalled holders evicted) and rotations (queues
 * reordered) over the window, from the deltas of the world's cumulative queue counters. At or
 * above either maximum raises `queue_fairness_pressure`.
 */
import type { StabilityConfig } from '../../config/sections/telemetry'
import type { QueueCounters } from '../../sim/state/world'
import type { TickFacts } from '../observe-input'
import { RollingWindow, type RollingWindowJson } from '../rolling-window'
import { lazySignal, plural, type AlertSignal } from './alert-signal'

export interface QueuePressureJson {
  previous: QueueCounters | null
  window: RollingWindowJson
}

export class QueuePressureAnalyzer {
  private previous: QueueCounters | null = null
  /** [ghost steps, rotations, cooldown refusals] per tick. */
  private window: RollingWindow

  constructor(private readonly cfg: StabilityConfig['queue_fairness']) {
    this.window = new RollingWindow(cfg.window_ticks, 3)
  }

  observe(facts: TickFacts): AlertSignal | null {
    const now = facts.world.state.counters
    // Attached to a world already under way, the first tick only sets the baseline: its
    // counters hold the whole run so far, not this tick's pressure.
    const before = this.previous ?? (facts.tick <= 1 ? { ghost_step_events: 0, rotation_events: 0, cooldown_events: 0 } : now)
    const delta = (k: keyof QueueCounters) => Math.max(0, now[k] - before[k])
    this.previous = { ...now }
    this.window.prune(facts.tick)
    this.window.add(facts.tick, delta('ghost_step_events'), delta('rotation_events'), delta('cooldown_events'))
    const ghost = this.window.sum(0)
    const rotations = this.window.sum(1)
    if (ghost < this.cfg.max_ghost_steps && rotations < this.cfg.max_rotations) return null
    return lazySignal('queue_fairness_pressure', () => `${plural(ghost, 'ghost step')} and ${plural(rotations, 'rotation')} in the last ${this.cfg.window_ticks} ticks (max ${this.cfg.max_ghost_steps} / ${this.cfg.max_rotations})`)
  }

  /** Window totals, for the metrics block. */
  deltas(): { ghost_step_events: number; rotation_events: number; cooldown_events: number } {
    return { ghost_step_events: this.window.sum(0), rotation_events: this.window.sum(1), cooldown_events: this.window.sum(2) }
  }

  toJSON(): QueuePressureJson {
    return { previous: this.previous ? { ...this.previous } : null, window: this.window.toJSON() }
  }

  static fromJSON(cfg: StabilityConfig['queue_fairness'], json: QueuePressureJson): QueuePressureAnalyzer {
    const a = new QueuePressureAnalyzer(cfg)
    a.previous = json.previous ? { ...json.previous } : null
    a.window = RollingWindow.fromJSON(json.window, cfg.window_ticks)
    return a
  }
}
