/**
 * The telemetry hub: what the shard calls once per tick, after the tick, with the world, the
 * tick's events and the decisions that went into it. It runs the stability monitor, the KPIs and
 * the narrator, and answers a JSON-safe `society telemetry` snapshot for the observer stream.
 * Deterministic (no clock, no randomness), and its whole state round-trips through
 * toJSON/fromJSON, so a shard restored from a snapshot reports exactly what it would have.
 */
import type { Alert, Narration } from '../../shared/contract/dto/society'
import type { ShardConfig } from '../config/shard-config-schema'
import { err, ok, type Result } from '../../shared/result'
import { formatZodIssues } from '../../shared/zod-issues'
import { ConflictHistory } from './conflict-history'
import { TelemetryHubJsonSchema, type TelemetryHubJson } from './hub-json'
import { KpiTracker, type KpiView } from './kpis/kpi-tracker'
import { Narrator } from './narration/narrator'
import { indexEvents, type ObserveInput, type TickFacts } from './observe-input'
import { RewardTally, type RewardsSummary } from './rewards-summary'
import { ShiftTracker } from './shift-tracker'
import type { PromotionView } from './stability/promotion-tracker'
import { StabilityMonitor, type StabilityMetrics } from './stability/stability-monitor'

export interface SocietyTelemetry {
  schema_version: 1
  tick: number
  rewards: RewardsSummary
  kpis: KpiView | null
  /** Alerts active now, each with the tick it was first raised. */
  alerts: Alert[]
  promotion: PromotionView
  /** Lines narrated since the previous snapshot (observe or snapshot call), oldest first. */
  narrations: Narration[]
  /** The last `narration.recent_limit` lines, oldest first. */
  recent_narrations: Narration[]
  stability: StabilityMetrics
}

/** The hub as the telemetry stream reads it (TelemetryHub.stream). */
export interface StreamReadout {
  /** Moves when an alert is raised or cleared. */
  alertsRevision(): number
  alerts(): Alert[]
  /** Recent lines narrated after `tick`, oldest first. */
  narrationsAfter(tick: number): readonly Narration[]
  kpis(): KpiView | null
  rewards(): RewardsSummary
  /** The stability monitor's figures, without its thresholds (they are config). */
  metrics(): Omit<StabilityMetrics, 'thresholds'>
}

export class TelemetryHub {
  private tick = 0
  private readonly tally = new RewardTally()
  /** The rewards summary as it stands when no tick was recorded since (a new or a restored hub); else the tally's. */
  private fixedRewards: RewardsSummary | null = { mean_total: 0, components: {}, agents: 0 }

  private constructor(
    private readonly shifts: ShiftTracker,
    private readonly stability: StabilityMonitor,
    private readonly kpis: KpiTracker,
    private readonly narrator: Narrator,
    /** Queue history, rivalry events and possessed agents, for the console (conflict_status). */
    readonly conflicts: ConflictHistory
  ) {}

  static create(config: ShardConfig): TelemetryHub {
    return new TelemetryHub(new ShiftTracker(), StabilityMonitor.create(config.stability), new KpiTracker(config.stability.kpis), new Narrator(config.narration), new ConflictHistory(config.telemetry.conflict_history_limit))
  }

  /** Digest one tick; answers the snapshot after it (its narrations are this call's new lines). */
  observe(input: ObserveInput): SocietyTelemetry {
    this.record(input)
    return this.snapshot()
  }

  /**
   * Digest one tick without building a snapshot: for a caller that looks only now and then (the
   * shard asks for one per frame, not per tick). Unread narrations wait for the next snapshot,
   * bounded by `narration.recent_limit`.
   */
  record(input: ObserveInput): void {
    const { world, events } = input
    const tick = input.tick ?? world.state.tick
    this.tally.take(world, tick)
    const facts: TickFacts = {
      tick,
      world,
      events,
      decisions: input.decisions ?? [],
      ofType: indexEvents(events),
      shiftStarts: this.shifts.observe(world),
      rewards: this.tally.samples()
    }
    this.tick = tick
    this.fixedRewards = null
    this.stability.observe(facts)
    this.kpis.observe(facts, this.stability.starvation.newIncidents)
    this.narrator.observe(tick, events)
    this.conflicts.observe(tick, world, events)
  }

  /** The current snapshot; hands out (and forgets) the narrations not yet handed out. */
  snapshot(): SocietyTelemetry {
    return {
      schema_version: 1,
      tick: this.tick,
      rewards: this.rewards(),
      kpis: this.kpis.view(),
      alerts: this.stability.alerts(),
      promotion: this.stability.promotionView(),
      narrations: this.narrator.drain(),
      recent_narrations: this.narrator.recentLines(),
      stability: this.stability.metrics()
    }
  }

  /**
   * What the telemetry stream reads every tick, without building a snapshot (which copies the
   * KPI view, the alerts and the recent lines): it asks for each only when it will send it.
   */
  readonly stream: StreamReadout = {
    alertsRevision: () => this.stability.alertsRevision,
    alerts: () => this.stability.alerts(),
    narrationsAfter: (tick) => this.narrator.linesAfter(tick),
    kpis: () => this.kpis.view(),
    rewards: () => this.rewards(),
    metrics: () => {
      const { thresholds: _thresholds, ...figures } = this.stability.metrics()
      return figures
    }
  }

  /** The alerts active now and the latest stability metrics, without a snapshot (which would hand out unread narrations): the console's stability block. */
  stabilityNow(): { tick: number; alerts: Alert[]; metrics: StabilityMetrics } {
    return { tick: this.tick, alerts: this.stability.alerts(), metrics: this.stability.metrics() }
  }

  /** A fresh copy of the last tick's rewards summary. */
  private rewards(): RewardsSummary {
    const r = this.fixedRewards ?? this.tally.summary()
    return { ...r, components: { ...r.components } }
  }

  toJSON(): TelemetryHubJson {
    return {
      schema_version: 1,
      tick: this.tick,
      rewards: this.rewards(),
      shifts: this.shifts.toJSON(),
      stability: this.stability.toJSON(),
      kpis: this.kpis.toJSON(),
      narrator: this.narrator.toJSON(),
      conflicts: this.conflicts.toJSON()
    }
  }

  /**
   * Rebuild a hub from `toJSON` output under `config` (the shard's config, which holds the
   * thresholds), checked first; `at` names where the state sits in a document, for the error.
   */
  static fromJSON(config: ShardConfig, data: unknown, at = 'telemetry'): Result<TelemetryHub> {
    const parsed = TelemetryHubJsonSchema.safeParse(data)
    if (!parsed.success) return err('snapshot.invalid', `the telemetry state is not valid: ${formatZodIssues(parsed.error.issues.slice(0, 5).map((i) => ({ ...i, path: [at, ...i.path] })))}`)
    const json = parsed.data
    const hub = new TelemetryHub(
      ShiftTracker.fromJSON(json.shifts),
      StabilityMonitor.fromJSON(config.stability, json.stability),
      KpiTracker.fromJSON(config.stability.kpis, json.kpis),
      Narrator.fromJSON(config.narration, json.narrator),
      // A hub saved before the conflict caches existed restores with empty ones.
      ConflictHistory.fromJSON(config.telemetry.conflict_history_limit, json.conflicts)
    )
    hub.tick = json.tick
    hub.fixedRewards = { ...json.rewards, components: { ...json.rewards.components } }
    return ok(hub)
  }
}
