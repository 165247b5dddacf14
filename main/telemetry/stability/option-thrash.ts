/**
 * Option thrash: policies flapping between options. A decision is a switch when it abandons an
 * unfinished option other than idling that the agent took fewer than `min_hold_ticks` ago;
 * finishing an option and choosing the next is not a switch. Switches per decision over the
 * window above `max_switch_rate` (with `min_samples` decisions) raise `option_thrash_detected`.
 *
 * The decisions come in with the tick they were applied in, after that tick has run, so the
 * detector keeps a copy of each agent's option, its start, its phase and whether it lived, as
 * they were at the end of the previous tick.
 */
import type { StabilityConfig } from '../../config/sections/telemetry'
import { OPTION_INDEX, Phase } from '../../sim/state/agent-store'
import { columnFromJson, columnToJson, copyColumn, withRoom } from '../int-columns'
import type { TickFacts } from '../observe-input'
import { RollingWindow, type RollingWindowJson } from '../rolling-window'
import { lazySignal, pct, type AlertSignal } from './alert-signal'

export interface OptionThrashJson {
  /** Per slot, from the end of the last tick. */
  option: number[]
  since: number[]
  phase: number[]
  alive: number[]
  window: RollingWindowJson
}

const IDLE = OPTION_INDEX.idle

export class OptionThrashDetector {
  private slots = 0
  private option: Int32Array = new Int32Array(0)
  private since: Int32Array = new Int32Array(0)
  private phase: Int32Array = new Int32Array(0)
  private alive: Int32Array = new Int32Array(0)
  /** [switches, decisions] per tick. */
  private window: RollingWindow

  constructor(private readonly cfg: StabilityConfig['option_thrash']) {
    this.window = new RollingWindow(cfg.window_ticks, 2)
  }

  observe(facts: TickFacts): AlertSignal | null {
    let switches = 0
    for (const d of facts.decisions) {
      const i = d.agent
      if (i >= this.slots || !this.wasBusy(i)) continue
      if (OPTION_INDEX[d.option] !== this.option[i] && facts.tick - this.since[i]! < this.cfg.min_hold_ticks) switches++
    }
    this.remember(facts)
    this.window.prune(facts.tick)
    this.window.add(facts.tick, switches, facts.decisions.length)
    const rate = this.rate()
    if (rate === null || this.window.sum(1) < this.cfg.min_samples || rate <= this.cfg.max_switch_rate) return null
    const decisions = this.window.sum(1)
    return lazySignal('option_thrash_detected', () => `${pct(rate)} of ${decisions} decisions in the last ${this.cfg.window_ticks} ticks abandoned an option held under ${this.cfg.min_hold_ticks} ticks (max ${pct(this.cfg.max_switch_rate)})`)
  }

  /** Switches per decision in the window, or null without decisions. */
  rate(): number | null {
    const decisions = this.window.sum(1)
    return decisions === 0 ? null : this.window.sum(0) / decisions
  }

  decisions(): number {
    return this.window.sum(1)
  }

  /** Under way with a real option at the end of the last tick (arrived counts as settled: at work, at home). */
  private wasBusy(i: number): boolean {
    const phase = this.phase[i]!
    return this.alive[i] === 1 && this.option[i] !== IDLE && phase !== Phase.none && phase !== Phase.done && phase !== Phase.failed && phase !== Phase.arrived
  }

  private remember(facts: TickFacts): void {
    const { agents } = facts.world.state
    const n = agents.count
    const a = agents.cols
    this.option = withRoom(this.option, n)
    this.since = withRoom(this.since, n)
    this.phase = withRoom(this.phase, n)
    this.alive = withRoom(this.alive, n)
    copyColumn(this.option, a.option, n)
    copyColumn(this.since, a.optionSince, n)
    copyColumn(this.phase, a.phase, n)
    copyColumn(this.alive, a.alive, n)
    this.slots = n
  }

  toJSON(): OptionThrashJson {
    const n = this.slots
    return { option: columnToJson(this.option, n), since: columnToJson(this.since, n), phase: columnToJson(this.phase, n), alive: columnToJson(this.alive, n), window: this.window.toJSON() }
  }

  static fromJSON(cfg: StabilityConfig['option_thrash'], json: OptionThrashJson): OptionThrashDetector {
    const d = new OptionThrashDetector(cfg)
    d.slots = json.option.length
    d.option = columnFromJson(json.option)
    d.since = columnFromJson(json.since)
    d.phase = columnFromJson(json.phase)
    d.alive = columnFromJson(json.alive)
    d.window = RollingWindow.fromJSON(json.window, cfg.window_ticks)
    return d
  }
}
