/**
 * The `society` block of observer frames. Everything but the queue-fairness deltas reads engine
 * state that the systems already keep (contention and recent rivalry changes in the society
 * state, the employment exit queue, perturbations), plus the telemetry side's KPIs, alerts,
 * promotion windows, narration and reward means; the only thing remembered here is the counters
 * at the previous frame, to send per-frame deltas.
 */
import type { SocietyView } from '../../shared/contract/dto/society'
import { perturbationsView } from '../sim/perturbations/perturbations-view'
import { contention, rivalryPairs } from '../sim/society/society-views'
import type { QueueCounters, World } from '../sim/state/world'

const LEADERBOARD_SIZE = 10
const MAX_RIVALRY_EVENTS = 20
const MAX_CONTENTION = 10

/** What the telemetry side (stability, KPIs, narration, rewards) contributes. */
export type TelemetryView = Pick<SocietyView, 'kpis' | 'alerts' | 'promotion' | 'narrations' | 'rewards'>

export class SocietyTracker {
  private lastCounters: QueueCounters = { ghost_step_events: 0, rotation_events: 0, cooldown_events: 0 }

  reset(): void {
    this.lastCounters = { ghost_step_events: 0, rotation_events: 0, cooldown_events: 0 }
  }

  view(world: World, telemetry: TelemetryView | undefined): SocietyView {
    const { counters, lifecycle, agents } = world.state
    const fairness = {
      ghost_step_events: counters.ghost_step_events - this.lastCounters.ghost_step_events,
      rotation_events: counters.rotation_events - this.lastCounters.rotation_events,
      cooldown_events: counters.cooldown_events - this.lastCounters.cooldown_events
    }
    this.lastCounters = { ...counters }
    return {
      kpis: telemetry?.kpis ?? null,
      alerts: telemetry?.alerts ?? [],
      promotion: telemetry?.promotion ?? { windows: [], candidate_ready: false },
      narrations: telemetry?.narrations ?? [],
      perturbations: perturbationsView(world),
      employment: {
        pending: lifecycle.employment.queue.map((q) => ({
          agent_id: agents.ids[q.agent]!,
          job_id: q.job_id,
          absences: lifecycle.employment.absences[String(q.agent)]?.length ?? 0,
          since_tick: q.since
        })),
        exits_today: lifecycle.employment.processed_today,
        daily_exit_cap: world.params.config.employment.daily_exit_cap
      },
      conflict: {
        fairness,
        rivalry_leaderboard: rivalryPairs(world, LEADERBOARD_SIZE).map(({ a, b, value }) => ({ a, b, value })),
        rivalry_events: world.state.society.recent.slice(-MAX_RIVALRY_EVENTS),
        contention: contention(world, MAX_CONTENTION)
      },
      rewards: telemetry?.rewards ?? { mean_total: 0, components: {} }
    }
  }
}
