/**
 * Narration throttling: a global cooldown between lines, per-category cooldowns, a dedupe window
 * (the same line key is not repeated) and a rolling limit on lines per window. Priority lines
 * skip both cooldowns but never the dedupe or the limit, so an incident cannot flood the panel.
 * State is plain data (toJSON/fromJSON) and travels in snapshots, so throttling continues across
 * a save and load instead of bursting.
 */
import type { NarrationConfig } from '../../config/sections/telemetry'

export type LimiterVerdict = 'ok' | 'dedupe' | 'limit' | 'cooldown' | 'category_cooldown'

export interface NarrationLimiterJson {
  last_global: number | null
  last_by_category: Record<string, number>
  /** Line key → tick it was last emitted. */
  dedupe: Record<string, number>
  /** Ticks of the lines in the rolling window, oldest first. */
  window: number[]
}

type LimiterConfig = Pick<NarrationConfig, 'global_cooldown_ticks' | 'category_cooldown_ticks' | 'dedupe_window_ticks' | 'global_window_ticks' | 'global_window_limit'>

export class NarrationLimiter {
  private lastGlobal: number | null = null
  private lastByCategory = new Map<string, number>()
  private dedupe = new Map<string, number>()
  private window: number[] = []

  constructor(private readonly config: LimiterConfig) {}

  /** Forget what the windows no longer cover; call once per tick before `allow`. */
  beginTick(tick: number): void {
    for (const [key, at] of this.dedupe) if (at <= tick - this.config.dedupe_window_ticks - 1) this.dedupe.delete(key)
    let drop = 0
    while (drop < this.window.length && this.window[drop]! <= tick - this.config.global_window_ticks) drop++
    if (drop > 0) this.window.splice(0, drop)
  }

  /** Whether a line may go out now; an allowed line is recorded against every limit. */
  allow(tick: number, category: string, priority: boolean, key: string): LimiterVerdict {
    const seen = this.dedupe.get(key)
    if (seen !== undefined && tick - seen <= this.config.dedupe_window_ticks) return 'dedupe'
    if (this.window.length >= this.config.global_window_limit) return 'limit'
    if (!priority) {
      if (this.lastGlobal !== null && tick - this.lastGlobal < this.config.global_cooldown_ticks) return 'cooldown'
      const last = this.lastByCategory.get(category)
      const cooldown = this.config.category_cooldown_ticks[category as keyof LimiterConfig['category_cooldown_ticks']] ?? this.config.global_cooldown_ticks
      if (last !== undefined && tick - last < cooldown) return 'category_cooldown'
    }
    this.lastGlobal = tick
    this.lastByCategory.set(category, tick)
    this.dedupe.delete(key) // re-inserted last, so the map stays in emission order
    this.dedupe.set(key, tick)
    this.window.push(tick)
    return 'ok'
  }

  toJSON(): NarrationLimiterJson {
    return {
      last_global: this.lastGlobal,
      last_by_category: Object.fromEntries(this.lastByCategory),
      dedupe: Object.fromEntries(this.dedupe),
      window: [...this.window]
    }
  }

  static fromJSON(config: LimiterConfig, json: NarrationLimiterJson): NarrationLimiter {
    const limiter = new NarrationLimiter(config)
    limiter.lastGlobal = json.last_global
    limiter.lastByCategory = new Map(Object.entries(json.last_by_category))
    limiter.dedupe = new Map(Object.entries(json.dedupe))
    limiter.window = [...json.window]
    return limiter
  }
}
