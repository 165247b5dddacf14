/**
 * Depleted needs: an agent whose hunger, hygiene or energy stays at or below `at_or_below` (0 by
 * default: empty) for `min_duration_ticks` in a row raises `need_depleted`, naming each agent and
 * need, for as long as any stays so. Starvation counts spells of low hunger over a day; this says
 * who has nothing left right now (two agents once sat at 0 % energy under "the town is stable").
 * An agent that leaves takes its streaks with it.
 */
import type { DepletedNeed } from '../../../shared/contract/dto/society'
import type { StabilityConfig } from '../../config/sections/telemetry'
import type { NeedName } from '../../sim/inputs'
import type { TickFacts } from '../observe-input'
import { columnFromJson, columnToJson, withRoom } from '../int-columns'
import { lazySignal, plural, type AlertSignal } from './alert-signal'

/** The needs watched, in the order the streak column interleaves them (slot × 3 + need). */
export const WATCHED_NEEDS: readonly NeedName[] = ['hunger', 'hygiene', 'energy']

/** Agent-needs named in the message. */
const NAMED_IN_MESSAGE = 4
/** Agent-needs the alert lists (longest first): a big town at 0 must not swell every frame. */
export const MAX_DEPLETED_LISTED = 50

export interface NeedDepletionJson {
  streak: number[]
  depleted: DepletedNeed[]
}

export class NeedDepletionDetector {
  /** Per slot and need: ticks depleted in a row. */
  private streak: Int32Array = new Int32Array(0)
  private slots = 0
  private current: DepletedNeed[] = []
  /** `current` is in longest-first order. */
  private sorted = true

  constructor(private readonly cfg: StabilityConfig['need_depleted']) {}

  observe(facts: TickFacts): AlertSignal | null {
    const { agents } = facts.world.state
    const { alive, hunger, hygiene, energy } = agents.cols
    const { at_or_below, min_duration_ticks } = this.cfg
    const streak = (this.streak = withRoom(this.streak, agents.count * WATCHED_NEEDS.length))
    this.slots = agents.count
    const depleted: DepletedNeed[] = []
    // Named reads, in WATCHED_NEEDS order (a column looked up by a variable key is a slow lookup, per tick).
    const columns = [hunger, hygiene, energy]
    for (let n = 0; n < WATCHED_NEEDS.length; n++) {
      const need = WATCHED_NEEDS[n]!
      const column = columns[n]!
      for (let i = 0; i < agents.count; i++) {
        const k = i * WATCHED_NEEDS.length + n
        if (alive[i] === 1 && column[i]! <= at_or_below) {
          const ticks = ++streak[k]!
          if (ticks >= min_duration_ticks) depleted.push({ agent_id: agents.ids[i]!, need, since_tick: facts.tick - ticks + 1 })
        } else if (streak[k] !== 0) streak[k] = 0
      }
    }
    // Sorted (longest-depleted first, so the message names the worst) when first read, not every tick.
    this.current = depleted
    this.sorted = depleted.length < 2
    if (depleted.length === 0) return null
    const tick = facts.tick
    return lazySignal('need_depleted', () => this.message(byLongest(depleted), tick))
  }

  /** Who has a need depleted now, longest first. */
  depleted(): readonly DepletedNeed[] {
    if (!this.sorted) byLongest(this.current)
    this.sorted = true
    return this.current
  }

  private message(depleted: readonly DepletedNeed[], tick: number): string {
    const agents = new Set(depleted.map((d) => d.agent_id)).size
    const named = depleted.slice(0, NAMED_IN_MESSAGE).map((d) => `${d.agent_id} ${d.need} for ${tick - d.since_tick + 1} ticks`)
    const more = depleted.length > NAMED_IN_MESSAGE ? `, and ${depleted.length - NAMED_IN_MESSAGE} more` : ''
    const level = this.cfg.at_or_below === 0 ? 'at 0' : `at or below ${this.cfg.at_or_below}`
    return `${plural(agents, 'agent')} with a need ${level} for ${this.cfg.min_duration_ticks}+ ticks: ${named.join(', ')}${more}`
  }

  toJSON(): NeedDepletionJson {
    return { streak: columnToJson(this.streak, this.slots * WATCHED_NEEDS.length), depleted: this.depleted().map((d) => ({ ...d })) }
  }

  static fromJSON(cfg: StabilityConfig['need_depleted'], json: NeedDepletionJson): NeedDepletionDetector {
    const d = new NeedDepletionDetector(cfg)
    d.streak = columnFromJson(json.streak)
    d.slots = Math.floor(json.streak.length / WATCHED_NEEDS.length)
    d.current = json.depleted.map((x) => ({ ...x }))
    return d
  }
}

/** Longest-depleted first (then by agent and need: a total order, so any input order sorts the same); in place. */
function byLongest(list: DepletedNeed[]): DepletedNeed[] {
  return list.sort((a, b) => a.since_tick - b.since_tick || a.agent_id.localeCompare(b.agent_id) || a.need.localeCompare(b.need))
}
