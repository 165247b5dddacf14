/**
 * Reward variance: the population variance of every agent's per-tick reward over the window.
 * Above `max_variance` (with `min_samples` rewards) raises `reward_variance_spike`, the seeds'
 * sign of a policy drifting or guardrails set too wide.
 */
import type { StabilityConfig } from '../../config/sections/telemetry'
import type { TickFacts } from '../observe-input'
import { RollingWindow, type RollingWindowJson } from '../rolling-window'
import { lazySignal, type AlertSignal } from './alert-signal'

export class RewardVarianceAnalyzer {
  /** [n, Σx, Σx²] per tick. */
  private window: RollingWindow

  constructor(private readonly cfg: StabilityConfig['reward_variance']) {
    this.window = new RollingWindow(cfg.window_ticks, 3)
  }

  observe(facts: TickFacts): AlertSignal | null {
    let sum = 0
    let squares = 0
    const rewards = facts.rewards
    for (let i = 0; i < rewards.length; i++) {
      const r = rewards[i]!
      sum += r
      squares += r * r
    }
    this.window.prune(facts.tick)
    this.window.add(facts.tick, facts.rewards.length, sum, squares)
    const variance = this.variance()
    if (variance === null || this.samples() < this.cfg.min_samples || variance <= this.cfg.max_variance) return null
    const samples = this.samples()
    return lazySignal('reward_variance_spike', () => `reward variance ${variance.toFixed(4)} over ${samples} rewards in the last ${this.cfg.window_ticks} ticks (max ${this.cfg.max_variance})`)
  }

  samples(): number {
    return this.window.sum(0)
  }

  mean(): number | null {
    const n = this.samples()
    return n === 0 ? null : this.window.sum(1) / n
  }

  /** Population variance (÷ n), or null below two samples. */
  variance(): number | null {
    const n = this.samples()
    if (n < 2) return null
    const mean = this.window.sum(1) / n
    // E[x²] − E[x]² can dip below zero by rounding when every reward is the same.
    return Math.max(0, this.window.sum(2) / n - mean * mean)
  }

  toJSON(): RollingWindowJson {
    return this.window.toJSON()
  }

  static fromJSON(cfg: StabilityConfig['reward_variance'], json: RollingWindowJson): RewardVarianceAnalyzer {
    const a = new RewardVarianceAnalyzer(cfg)
    a.window = RollingWindow.fromJSON(json, cfg.window_ticks)
    return a
  }
}
