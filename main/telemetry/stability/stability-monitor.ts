/**
 * The stability monitor: runs every analyzer once per tick, keeps the alerts that are active
 * (with the tick each was first raised) and feeds the promotion windows. Analyzers run in a fixed
 * order so alerts come out in the same order every time.
 */
import type { Alert } from '../../../shared/contract/dto/society'
import type { AlertName, StabilityConfig } from '../../config/sections/telemetry'
import type { TickFacts } from '../observe-input'
import type { RollingWindowJson } from '../rolling-window'
import { CRITICAL_ALERTS, type AlertSignal } from './alert-signal'
import { AffordanceFailureAnalyzer, RivalrySpikeAnalyzer } from './event-count-analyzers'
import { LatenessMonitor } from './lateness-monitor'
import { MAX_DEPLETED_LISTED, NeedDepletionDetector, type NeedDepletionJson } from './need-depletion-detector'
import { OptionThrashDetector, type OptionThrashJson } from './option-thrash'
import { PromotionTracker, type PromotionJson, type PromotionView } from './promotion-tracker'
import { QueuePressureAnalyzer, type QueuePressureJson } from './queue-pressure'
import { RewardVarianceAnalyzer } from './reward-variance'
import { StarvationDetector, type StarvationJson } from './starvation-detector'

export interface StabilityJson {
  starvation: StarvationJson
  /** Absent in snapshots taken before the detector existed: it starts afresh. */
  need_depleted?: NeedDepletionJson
  lateness: RollingWindowJson
  option_thrash: OptionThrashJson
  reward_variance: RollingWindowJson
  queue_fairness: QueuePressureJson
  rivalry: RollingWindowJson
  affordance_failures: RollingWindowJson
  promotion: PromotionJson
  /** Active alert name → [tick first raised, message]. */
  active: [string, number, string][]
}

/** The numbers behind the alerts, with the thresholds in force (operators check they match the release config). */
export interface StabilityMetrics {
  starvation_incidents: number
  /** Agent-needs depleted for `need_depleted.min_duration_ticks` or more right now. */
  needs_depleted: number
  lateness_rate: number | null
  option_switch_rate: number | null
  option_decisions: number
  reward_mean: number | null
  reward_variance: number | null
  reward_samples: number
  queue_deltas: { ghost_step_events: number; rotation_events: number; cooldown_events: number }
  rivalry_spikes: number
  affordance_failures: number
  thresholds: StabilityConfig
}

export class StabilityMonitor {
  /** Active alert name → the tick first raised and the latest signal (its message is built when read). */
  private active = new Map<string, { since: number; signal: { readonly message: string } }>()
  private alertSetRevision = 0

  private constructor(
    private readonly cfg: StabilityConfig,
    readonly starvation: StarvationDetector,
    private readonly needs: NeedDepletionDetector,
    private readonly lateness: LatenessMonitor,
    private readonly thrash: OptionThrashDetector,
    private readonly variance: RewardVarianceAnalyzer,
    private readonly queue: QueuePressureAnalyzer,
    private readonly rivalry: RivalrySpikeAnalyzer,
    private readonly failures: AffordanceFailureAnalyzer,
    private readonly promotion: PromotionTracker
  ) {}

  static create(cfg: StabilityConfig): StabilityMonitor {
    return new StabilityMonitor(
      cfg,
      new StarvationDetector(cfg.starvation),
      new NeedDepletionDetector(cfg.need_depleted),
      new LatenessMonitor(cfg.lateness),
      new OptionThrashDetector(cfg.option_thrash),
      new RewardVarianceAnalyzer(cfg.reward_variance),
      new QueuePressureAnalyzer(cfg.queue_fairness),
      new RivalrySpikeAnalyzer(cfg.rivalry),
      new AffordanceFailureAnalyzer(cfg.affordance_failures),
      new PromotionTracker(cfg.promotion)
    )
  }

  observe(facts: TickFacts): void {
    const signals: AlertSignal[] = []
    const raise = (s: AlertSignal | null) => void (s && signals.push(s))
    raise(this.starvation.observe(facts))
    raise(this.needs.observe(facts))
    raise(this.lateness.observe(facts))
    raise(this.thrash.observe(facts))
    raise(this.variance.observe(facts))
    raise(this.queue.observe(facts))
    raise(this.rivalry.observe(facts))
    raise(this.failures.observe(facts))
    if (this.sameNames(signals)) {
      // The usual tick: the same alerts (often none) as the last, in the same order; only messages move.
      let k = 0
      for (const entry of this.active.values()) entry.signal = signals[k++]!
    } else {
      const next = new Map<string, { since: number; signal: { readonly message: string } }>()
      for (const s of signals) next.set(s.name, { since: this.active.get(s.name)?.since ?? facts.tick, signal: s })
      this.active = next
      this.alertSetRevision++
    }
    this.promotion.observe(facts.tick, signals)
  }

  /** Whether `signals` name exactly the active alerts, in their order. */
  private sameNames(signals: readonly AlertSignal[]): boolean {
    if (signals.length !== this.active.size) return false
    let k = 0
    for (const name of this.active.keys()) if (signals[k++]!.name !== name) return false
    return true
  }

  /**
   * Moves whenever the set of active alerts changes (one raised or cleared), not when only their
   * messages do: a reader that tracks raised and cleared alerts (the telemetry stream) builds the
   * alert list only when this moved.
   */
  get alertsRevision(): number {
    return this.alertSetRevision
  }

  alerts(): Alert[] {
    return [...this.active].map(([name, { since, signal }]) => {
      const message = signal.message
      const critical = CRITICAL_ALERTS.has(name as AlertName)
      const alert: Alert = { name, severity: critical ? 'critical' : 'warn', message, tick: since, priority: critical }
      return name === 'need_depleted' ? { ...alert, depleted: this.needs.depleted().slice(0, MAX_DEPLETED_LISTED) } : alert
    })
  }

  promotionView(): PromotionView {
    return this.promotion.view()
  }

  metrics(): StabilityMetrics {
    return {
      starvation_incidents: this.starvation.count(),
      needs_depleted: this.needs.depleted().length,
      lateness_rate: this.lateness.rate(),
      option_switch_rate: this.thrash.rate(),
      option_decisions: this.thrash.decisions(),
      reward_mean: this.variance.mean(),
      reward_variance: this.variance.variance(),
      reward_samples: this.variance.samples(),
      queue_deltas: this.queue.deltas(),
      rivalry_spikes: this.rivalry.count(),
      affordance_failures: this.failures.count(),
      thresholds: this.cfg
    }
  }

  toJSON(): StabilityJson {
    return {
      starvation: this.starvation.toJSON(),
      need_depleted: this.needs.toJSON(),
      lateness: this.lateness.toJSON(),
      option_thrash: this.thrash.toJSON(),
      reward_variance: this.variance.toJSON(),
      queue_fairness: this.queue.toJSON(),
      rivalry: this.rivalry.toJSON(),
      affordance_failures: this.failures.toJSON(),
      promotion: this.promotion.toJSON(),
      active: [...this.active].map(([name, { since, signal }]) => [name, since, signal.message])
    }
  }

  static fromJSON(cfg: StabilityConfig, json: StabilityJson): StabilityMonitor {
    const m = new StabilityMonitor(
      cfg,
      StarvationDetector.fromJSON(cfg.starvation, json.starvation),
      json.need_depleted ? NeedDepletionDetector.fromJSON(cfg.need_depleted, json.need_depleted) : new NeedDepletionDetector(cfg.need_depleted),
      LatenessMonitor.fromJSON(cfg.lateness, json.lateness),
      OptionThrashDetector.fromJSON(cfg.option_thrash, json.option_thrash),
      RewardVarianceAnalyzer.fromJSON(cfg.reward_variance, json.reward_variance),
      QueuePressureAnalyzer.fromJSON(cfg.queue_fairness, json.queue_fairness),
      RivalrySpikeAnalyzer.fromJSON(cfg.rivalry, json.rivalry),
      AffordanceFailureAnalyzer.fromJSON(cfg.affordance_failures, json.affordance_failures),
      PromotionTracker.fromJSON(cfg.promotion, json.promotion)
    )
    m.active = new Map(json.active.map(([name, since, message]) => [name, { since, signal: { message } }]))
    return m
  }
}
