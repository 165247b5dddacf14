/**
 * The shard's simulations: each one built wired to the shard's observer (its events, while it is
 * the live one) and to a telemetry hub of its own (rewards summary, stability alerts, KPIs,
 * narration), which watches every tick. A new world starts its hub afresh; a loaded snapshot
 * swaps in its restored one. Moved out of shard.ts, which keeps only the clock and the wiring.
 */
import type { LoadedConfig } from '../config/load-config'
import type { SimEvent } from '../sim/state/world'
import { TelemetryHub, type SocietyTelemetry } from '../telemetry/telemetry-hub'
import type { ShardOptions } from './shard-options'
import type { TelemetryView } from './society-view'
import { Simulation } from './simulation'

export interface SimulationWiring {
  /** The live simulation: only its events and ticks reach the observer and the telemetry view. */
  live(): Simulation | undefined
  /** The live simulation's events (observer frames). */
  record(events: SimEvent[]): void
  /** Every simulation's events (the shard's `onEvents` option). */
  onEvents?: (events: SimEvent[]) => void
  logLimit: number
}

export class ShardSimulations {
  /** Each simulation's telemetry hub (a snapshot load swaps in the restored one). */
  private readonly hubs = new WeakMap<Simulation, { hub: TelemetryHub }>()
  private telemetry: SocietyTelemetry | undefined
  /** The hub that observed a tick since `telemetry` was built. */
  private unread: TelemetryHub | undefined

  constructor(private readonly wiring: SimulationWiring) {}

  /** A new simulation wired to the shard's observer and telemetry, not yet the live one. */
  build(loaded: LoadedConfig, resume?: ShardOptions['resume']): Simulation {
    const onEvents = (events: SimEvent[]) => {
      if (sim === this.wiring.live()) this.wiring.record(events)
      this.wiring.onEvents?.(events)
    }
    const sim: Simulation = new Simulation(loaded, { onEvents, logLimit: this.wiring.logLimit, ...(resume ? { resume } : {}) })
    const holder = { hub: TelemetryHub.create(loaded.config) }
    this.hubs.set(sim, holder)
    sim.onTick((events, decisions) => {
      // Digested every tick; the snapshot is built only when a frame or the timeline asks (see latest()).
      if (sim !== this.wiring.live()) return
      holder.hub.record({ world: sim.world, events, decisions })
      this.unread = holder.hub
    })
    return sim
  }

  /** A simulation around a restored world, not live yet. */
  candidate(loaded: LoadedConfig, resume: NonNullable<ShardOptions['resume']>): { sim: Simulation } {
    return { sim: this.build(loaded, resume) }
  }

  /** `sim`'s hub from now on (a snapshot's restored one): it watches `sim`'s next ticks. */
  useHub(sim: Simulation, hub: TelemetryHub): void {
    const holder = this.hubs.get(sim)
    if (holder) holder.hub = hub
  }

  /**
   * `old` was replaced by `next`: its model session goes exactly once (`use(null)` releases it and
   * leaves nothing to release again), unless `next` carries the same session on (a fork replays
   * through the live one). A tick still scoring on it ends first (`settled`): a session is never
   * released under a run.
   */
  release(old: Simulation, next: Simulation, settled: () => Promise<unknown>): void {
    const model = old.policy.model
    if (!model || model === next.policy.model) return
    const release = () => {
      if (old.policy.model === model) old.policy.use(null)
    }
    if (!old.stepInFlight) return release()
    void settled().then(release)
  }

  hubOf(sim: Simulation): TelemetryHub | undefined {
    return this.hubs.get(sim)?.hub
  }

  /** Another simulation went live: the telemetry view waits for its first tick. */
  reset(): void {
    this.telemetry = undefined
    this.unread = undefined
  }

  private latest(): SocietyTelemetry | undefined {
    if (this.unread) this.telemetry = this.unread.snapshot()
    this.unread = undefined
    return this.telemetry
  }

  /** The live town's latest telemetry: active alerts. */
  get alerts(): SocietyTelemetry['alerts'] | undefined {
    return this.latest()?.alerts
  }

  /** The telemetry side's latest view, for observer frames. */
  view(): TelemetryView | undefined {
    const t = this.latest()
    return t && { kpis: t.kpis, alerts: t.alerts, promotion: t.promotion, narrations: t.recent_narrations, rewards: { mean_total: t.rewards.mean_total, components: t.rewards.components } }
  }
}
