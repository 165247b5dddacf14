/**
 * The parts of the society view that come straight from engine state: perturbations, the
 * employment exit queue and the rivalry leaderboard. Each engine system exposes a view of its
 * own state; this gathers them.
 */
import type { SocietyView } from '../../shared/contract/dto/society'
import { perturbationsView } from '../sim/perturbations/perturbations-view'
import { rivalryPairs } from '../sim/society/society-views'
import type { World } from '../sim/state/world'

const LEADERBOARD_SIZE = 10

export type SocietyExtras = Pick<SocietyView, 'perturbations' | 'employment'> & { leaderboard: SocietyView['conflict']['rivalry_leaderboard'] }

export function societyExtras(world: World): SocietyExtras {
  return {
    perturbations: perturbationsView(world),
    employment: {
      pending: world.state.lifecycle.employment.queue.map((q) => ({
        agent_id: world.state.agents.ids[q.agent]!,
        job_id: q.job_id,
        absences: world.state.lifecycle.employment.absences[String(q.agent)]?.length ?? 0,
        since_tick: q.since
      })),
      exits_today: world.state.lifecycle.employment.processed_today,
      daily_exit_cap: world.params.config.employment.daily_exit_cap
    },
    leaderboard: rivalryPairs(world, LEADERBOARD_SIZE).map(({ a, b, value }) => ({ a, b, value }))
  }
}
