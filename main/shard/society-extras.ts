/**
 * The parts of the society view that come straight from engine state: perturbations, the
 * employment exit queue and the rivalry leaderboard. Each engine system exposes a view of its
 * own state; this gathers them.
 */
import type { SocietyView } from '../../shared/contract/dto/society'
import type { World } from '../sim/state/world'

export type SocietyExtras = Pick<SocietyView, 'perturbations' | 'employment'> & { leaderboard: SocietyView['conflict']['rivalry_leaderboard'] }

export function societyExtras(_world: World): SocietyExtras {
  return {
    perturbations: { active: [], pending: [], cooldowns: [], specs: [] },
    employment: { pending: [], exits_today: 0, daily_exit_cap: 0 },
    leaderboard: []
  }
}
