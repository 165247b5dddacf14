/**
 * The `society` block of observer frames: engine state that the systems already keep (contention
 * and recent rivalry changes in the society state, the queue counters, the employment exit
 * queue, perturbations), plus the telemetry side's KPIs, alerts, promotion windows, narration
 * and reward means. Nothing is remembered between frames:
 * - the queue counters go out as totals, with the queue conflicts the contention table counts (a
 *   town whose queues only hand over never ghost-steps or rotates, so those three alone charted a
 *   flat zero beside hundreds of conflicts). Clients chart the difference between the frames they
 *   get: the host folds the frames a slow client skipped into one, which lost per-frame deltas.
 * - the rivalry leaderboard is built from the same changes the feed shows.
 */
import type { SocietyView } from '../../shared/contract/dto/society'
import { perturbationsView } from '../sim/perturbations/perturbations-view'
import { contention, rivalryLeaderboard } from '../sim/society/society-views'
import type { World } from '../sim/state/world'

const LEADERBOARD_SIZE = 10
const MAX_RIVALRY_EVENTS = 20
const MAX_CONTENTION = 10

/** What the telemetry side (stability, KPIs, narration, rewards) contributes. */
export type TelemetryView = Pick<SocietyView, 'kpis' | 'alerts' | 'promotion' | 'narrations' | 'rewards'>

export function societyView(world: World, telemetry: TelemetryView | undefined): SocietyView {
  const { counters, lifecycle, agents } = world.state
  const fairness = {
    queue_conflicts: world.state.society.counters.queue_conflicts,
    ghost_step_events: counters.ghost_step_events,
    rotation_events: counters.rotation_events,
    cooldown_events: counters.cooldown_events
  }
  const recent = world.state.society.recent.slice(-MAX_RIVALRY_EVENTS)
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
      rivalry_leaderboard: rivalryLeaderboard(world, recent, LEADERBOARD_SIZE),
      rivalry_events: recent,
      contention: contention(world, MAX_CONTENTION)
    },
    rewards: telemetry?.rewards ?? { mean_total: 0, components: {} }
  }
}
