/**
 * The `society` block of observer frames, built in the shard from the tick events it has seen
 * and the world: queue fairness since the last frame, contention per object, rivalry (leaderboard
 * and recent events), perturbations, the employment exit queue, and the telemetry side's KPIs,
 * alerts, promotion windows, narration and reward means.
 */
import type { SocietyView } from '../../shared/contract/dto/society'
import type { SimEvent, World } from '../sim/state/world'

const MAX_RIVALRY_EVENTS = 20
const MAX_CONTENTION = 10

/** What the telemetry side (stability, KPIs, narration, rewards) contributes, when wired. */
export type TelemetryView = Pick<SocietyView, 'kpis' | 'alerts' | 'promotion' | 'narrations' | 'rewards'>

export class SocietyTracker {
  private lastCounters = { ghost_step_events: 0, rotation_events: 0, cooldown_events: 0 }
  private readonly contention = new Map<string, number>()
  private rivalryEvents: SocietyView['conflict']['rivalry_events'] = []

  reset(): void {
    this.lastCounters = { ghost_step_events: 0, rotation_events: 0, cooldown_events: 0 }
    this.contention.clear()
    this.rivalryEvents = []
  }

  record(events: readonly SimEvent[]): void {
    for (const e of events) {
      if (e.type === 'queue_conflict' && typeof e.object_id === 'string') this.contention.set(e.object_id, (this.contention.get(e.object_id) ?? 0) + 1)
      if (e.type === 'rivalry_changed') {
        this.rivalryEvents.push({
          tick: e.tick,
          agent_id: String(e.agent_id),
          other: String(e.other),
          value: Number(e.value),
          delta: Number(e.delta),
          reason: String(e.reason)
        })
      }
    }
    if (this.rivalryEvents.length > MAX_RIVALRY_EVENTS * 4) this.rivalryEvents = this.rivalryEvents.slice(-MAX_RIVALRY_EVENTS)
  }

  view(world: World, telemetry: TelemetryView | undefined, extra: Pick<SocietyView, 'perturbations' | 'employment'> & { leaderboard: SocietyView['conflict']['rivalry_leaderboard'] }): SocietyView {
    const c = world.state.counters
    const fairness = {
      ghost_step_events: c.ghost_step_events - this.lastCounters.ghost_step_events,
      rotation_events: c.rotation_events - this.lastCounters.rotation_events,
      cooldown_events: c.cooldown_events - this.lastCounters.cooldown_events
    }
    this.lastCounters = { ...c }
    const contention = [...this.contention.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_CONTENTION)
      .map(([object_id, conflicts]) => ({ object_id, conflicts }))
    return {
      kpis: telemetry?.kpis ?? null,
      alerts: telemetry?.alerts ?? [],
      promotion: telemetry?.promotion ?? { windows: [], candidate_ready: false },
      narrations: telemetry?.narrations ?? [],
      perturbations: extra.perturbations,
      employment: extra.employment,
      conflict: { fairness, rivalry_leaderboard: extra.leaderboard, rivalry_events: this.rivalryEvents.slice(-MAX_RIVALRY_EVENTS), contention },
      rewards: telemetry?.rewards ?? { mean_total: 0, components: {} }
    }
  }
}
