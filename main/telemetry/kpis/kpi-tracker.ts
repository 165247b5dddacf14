/**
 * The charter KPIs over a rolling window (`stability.kpis.window_ticks`), defined so each is
 * measurable from the engine as it stands:
 * - self_sufficiency: the share of lived agent-ticks in which every need was at or above
 *   `need_floor` — agents looking after themselves (target ≥ 70 %);
 * - tenure_days: the mean age, in days, of the agents alive now; a respawn starts at zero
 *   (target ≥ 3 days, judged once the run is that old);
 * - relationship_coverage: the share of living agents with at least one tie of trust or
 *   familiarity in the society's ledger (target ≥ 60 %);
 * - starvation_incidents: incidents (see starvation-detector.ts) in the window;
 * - lateness_rate: late flags per shift started in the window;
 * - queue_conflict_rate: `queue_conflict` events (a contested handover or a ghost step) per
 *   affordance started — how often using an object meant contending for it.
 * Ratios are null while there is nothing to divide by.
 */
import type { Kpis } from '../../../shared/contract/dto/society'
import type { StabilityConfig } from '../../config/sections/telemetry'
import type { TickFacts } from '../observe-input'
import { RollingWindow, type RollingWindowJson } from '../rolling-window'
import { hasTie } from './relationship-ties'

export type KpiView = Kpis & { targets_missed: string[] }

export interface KpiJson {
  first: number | null
  window: RollingWindowJson
  born: number[]
  /** The last tick's point-in-time values, so a restored tracker reads the same before its next tick. */
  last: { tick: number; ticks_per_day: number; tenure: number | null; coverage: number | null }
}

/** Window columns. */
const AGENT_TICKS = 0
const MET = 1
const STARTS = 2
const LATE = 3
const CONFLICTS = 4
const USES = 5
const STARVING = 6

export class KpiTracker {
  private first: number | null = null
  private window: RollingWindow
  private born: number[] = []
  private tenure: number | null = null
  private coverage: number | null = null
  private tick = 0
  private ticksPerDay = 1440

  constructor(private readonly cfg: StabilityConfig['kpis']) {
    this.window = new RollingWindow(cfg.window_ticks, 7)
  }

  observe(facts: TickFacts, starvationIncidents: number): void {
    const { world, tick } = facts
    const { agents } = world.state
    // Columns read into locals once: the loop runs over every agent every tick.
    const { alive: living, hunger, hygiene, energy } = agents.cols
    const born = this.born
    const floor = this.cfg.need_floor
    this.first ??= tick
    this.tick = tick
    this.ticksPerDay = world.params.clock.ticksPerDay
    let alive = 0
    let met = 0
    let age = 0
    let tied = 0
    for (let i = 0; i < agents.count; i++) {
      if (living[i] !== 1) {
        born[i] = -1
        continue
      }
      // Agents present when telemetry starts count from tick 0 (the world's start), not from
      // tick 1; anyone else from the tick they were first seen.
      if (born[i] === undefined || born[i] === -1) born[i] = tick <= 1 ? 0 : tick
      alive++
      if (hunger[i]! >= floor && hygiene[i]! >= floor && energy[i]! >= floor) met++
      age += tick - born[i]!
      if (hasTie(world, i)) tied++
    }
    this.tenure = alive === 0 ? null : age / alive / this.ticksPerDay
    this.coverage = alive === 0 ? null : tied / alive
    this.window.prune(tick)
    this.window.add(tick, alive, met, facts.shiftStarts, facts.ofType('job_late').length, facts.ofType('queue_conflict').length, facts.ofType('affordance_start').length, starvationIncidents)
  }

  view(): KpiView | null {
    if (this.first === null) return null
    const w = this.window
    const ratio = (num: number, den: number) => (den === 0 ? null : num / den)
    const targets = this.cfg.targets
    const kpis: Kpis = {
      window_ticks: Math.min(this.cfg.window_ticks, this.tick - this.first + 1),
      tick: this.tick,
      self_sufficiency: ratio(w.sum(MET), w.sum(AGENT_TICKS)),
      tenure_days: this.tenure,
      relationship_coverage: this.coverage,
      starvation_incidents: w.sum(STARVING),
      lateness_rate: w.sum(STARTS) === 0 ? null : Math.min(1, w.sum(LATE) / w.sum(STARTS)),
      queue_conflict_rate: ratio(w.sum(CONFLICTS), w.sum(USES))
    }
    const missed: string[] = []
    if (kpis.self_sufficiency !== null && kpis.self_sufficiency < targets.self_sufficiency) missed.push('self_sufficiency')
    // Nobody can have lived longer than the run: tenure is judged once the run is old enough.
    const runDays = this.tick / this.ticksPerDay
    if (kpis.tenure_days !== null && runDays >= targets.tenure_days && kpis.tenure_days < targets.tenure_days) missed.push('tenure_days')
    if (kpis.relationship_coverage !== null && kpis.relationship_coverage < targets.relationship_coverage) missed.push('relationship_coverage')
    return { ...kpis, targets_missed: missed }
  }

  toJSON(): KpiJson {
    return {
      first: this.first,
      window: this.window.toJSON(),
      born: [...this.born],
      last: { tick: this.tick, ticks_per_day: this.ticksPerDay, tenure: this.tenure, coverage: this.coverage }
    }
  }

  static fromJSON(cfg: StabilityConfig['kpis'], json: KpiJson): KpiTracker {
    const k = new KpiTracker(cfg)
    k.first = json.first
    k.window = RollingWindow.fromJSON(json.window, cfg.window_ticks)
    k.born = [...json.born]
    k.tick = json.last.tick
    k.ticksPerDay = json.last.ticks_per_day
    k.tenure = json.last.tenure
    k.coverage = json.last.coverage
    return k
  }
}
