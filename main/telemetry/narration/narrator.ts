/**
 * The narrator: turns a tick's events into throttled lines for the narration panel. It keeps the
 * recent lines (bounded) and the lines not yet handed out, and serialises all of it with the
 * limiter's state, so a snapshot carries both what was said and how soon more may be said.
 */
import type { Narration } from '../../../shared/contract/dto/society'
import type { NarrationConfig } from '../../config/sections/telemetry'
import type { SimEvent } from '../../sim/state/world'
import { NarrationLimiter, type NarrationLimiterJson } from './narration-limiter'
import { narrationFor } from './narration-lines'

const NONE: readonly Narration[] = Object.freeze([])

export interface NarratorJson {
  limiter: NarrationLimiterJson
  recent: Narration[]
  unread: Narration[]
}

export class Narrator {
  private recent: Narration[] = []
  private unread: Narration[] = []
  private readonly muted: ReadonlySet<string>
  private readonly alwaysPriority: ReadonlySet<string>

  constructor(
    private readonly config: NarrationConfig,
    private limiter = new NarrationLimiter(config)
  ) {
    this.muted = new Set(config.muted_categories)
    this.alwaysPriority = new Set(config.priority_categories)
  }

  /** Narrate one tick's events (in event order; later lines in a busy tick are the ones throttled). */
  observe(tick: number, events: readonly SimEvent[]): void {
    this.limiter.beginTick(tick)
    for (const e of events) {
      const line = narrationFor(e, this.config)
      if (!line || this.muted.has(line.category)) continue
      const priority = line.priority || this.alwaysPriority.has(line.category)
      if (this.limiter.allow(tick, line.category, priority, line.key) !== 'ok') continue
      const narration: Narration = { tick, category: line.category, priority, text: line.text, agents: line.agents }
      this.recent.push(narration)
      this.unread.push(narration)
    }
    if (this.recent.length > this.config.recent_limit) this.recent.splice(0, this.recent.length - this.config.recent_limit)
    // Unread lines nobody collects are bounded the same way: the recent list has them anyway.
    if (this.unread.length > this.config.recent_limit) this.unread.splice(0, this.unread.length - this.config.recent_limit)
  }

  /** Lines since the last call, oldest first. */
  drain(): Narration[] {
    const out = this.unread
    this.unread = []
    return out
  }

  /**
   * The recent lines narrated after `tick`, oldest first, without touching what `drain` hands out:
   * for a reader that keeps its own place (the telemetry stream). Allocates only when there are some.
   */
  linesAfter(tick: number): readonly Narration[] {
    let i = this.recent.length
    while (i > 0 && this.recent[i - 1]!.tick > tick) i--
    return i === this.recent.length ? NONE : this.recent.slice(i)
  }

  /** The last `recent_limit` lines, oldest first. */
  recentLines(): Narration[] {
    return [...this.recent]
  }

  toJSON(): NarratorJson {
    return { limiter: this.limiter.toJSON(), recent: this.recent.map(copy), unread: this.unread.map(copy) }
  }

  static fromJSON(config: NarrationConfig, json: NarratorJson): Narrator {
    const narrator = new Narrator(config, NarrationLimiter.fromJSON(config, json.limiter))
    narrator.recent = json.recent.map(copy)
    narrator.unread = json.unread.map(copy)
    return narrator
  }
}

function copy(n: Narration): Narration {
  return { ...n, agents: [...n.agents] }
}
