/**
 * Starvation: an agent whose hunger stays at or below `hunger_threshold` for
 * `min_duration_ticks` in a row is one incident (one per spell: it counts again only after
 * eating above the threshold). More than `max_incidents` in the window raise `starvation_spike`.
 * An agent that leaves takes its streak with it.
 */
import type { StabilityConfig } from '../../config/sections/telemetry'
import type { TickFacts } from '../observe-input'
import { columnFromJson, columnToJson, withRoom } from '../int-columns'
import { RollingWindow, type RollingWindowJson } from '../rolling-window'
import { lazySignal, plural, type AlertSignal } from './alert-signal'

export interface StarvationJson {
  streak: number[]
  incidents: RollingWindowJson
}

export class StarvationDetector {
  /** Per slot: ticks starving in a row. */
  private streak: Int32Array = new Int32Array(0)
  private slots = 0
  private incidents: RollingWindow
  /** Incidents recorded by the last `observe`, for the KPIs. */
  newIncidents = 0

  constructor(private readonly cfg: StabilityConfig['starvation']) {
    this.incidents = new RollingWindow(cfg.window_ticks)
  }

  observe(facts: TickFacts): AlertSignal | null {
    const { agents } = facts.world.state
    const { hunger, alive } = agents.cols
    const { hunger_threshold, min_duration_ticks } = this.cfg
    const streak = (this.streak = withRoom(this.streak, agents.count))
    this.slots = agents.count
    this.newIncidents = 0
    for (let i = 0; i < agents.count; i++) {
      if (alive[i] === 1 && hunger[i]! <= hunger_threshold) {
        if (++streak[i]! === min_duration_ticks) this.newIncidents++
      } else if (streak[i] !== 0) streak[i] = 0
    }
    this.incidents.prune(facts.tick)
    this.incidents.add(facts.tick, this.newIncidents)
    const count = this.count()
    if (count <= this.cfg.max_incidents) return null
    return lazySignal('starvation_spike', () => `${plural(count, 'starvation incident')} in the last ${this.cfg.window_ticks} ticks (hunger ≤ ${this.cfg.hunger_threshold} for ${this.cfg.min_duration_ticks}+ ticks; max ${this.cfg.max_incidents})`)
  }

  count(): number {
    return this.incidents.sum()
  }

  toJSON(): StarvationJson {
    return { streak: columnToJson(this.streak, this.slots), incidents: this.incidents.toJSON() }
  }

  static fromJSON(cfg: StabilityConfig['starvation'], json: StarvationJson): StarvationDetector {
    const d = new StarvationDetector(cfg)
    d.streak = columnFromJson(json.streak)
    d.slots = json.streak.length
    d.incidents = RollingWindow.fromJSON(json.incidents, cfg.window_ticks)
    return d
  }
}
