/**
 * One agent's slot as a JSON-safe episode snapshot (AgentEpisodeSnapshot, versioned): plain
 * numbers rounded to six places, ids for home and job, nothing from the typed arrays kept. A
 * slot is never reused (main/sim/agents/enter-leave.ts), so a leaver's columns still hold what it
 * left with when the tick's listeners run — except its job, which the exit clears: the caller
 * passes the job named in the exit event instead.
 */
import { AGENT_EPISODE_SCHEMA_VERSION, HISTORY_LIMITS, type AgentEpisodeSnapshot } from '../../shared/contract/dto/history'
import type { World } from '../sim/state/world'

// `+ 0` turns -0 into 0: JSON has no negative zero, so a snapshot must not carry one.
const round6 = (v: number | undefined): number => (v === undefined || !Number.isFinite(v) ? 0 : Math.round(v * 1e6) / 1e6 + 0)
const count = (v: number | undefined): number => (v === undefined || !Number.isFinite(v) || v < 0 ? 0 : Math.trunc(v))
const cut = (id: string | undefined | null): string | null => (id == null ? null : id.slice(0, HISTORY_LIMITS.idChars))

export function episodeSnapshot(world: World, slot: number, job?: string | null): AgentEpisodeSnapshot {
  const { state, params } = world
  const a = state.agents.cols
  const jobIndex = a.job[slot] ?? -1
  return {
    schema_version: AGENT_EPISODE_SCHEMA_VERSION,
    agent_id: cut(state.agents.ids[slot]) ?? '',
    home: cut(params.homes[a.home[slot] ?? -1]?.id),
    job: job !== undefined ? cut(job) : cut(params.jobs[jobIndex]?.id),
    x: Math.trunc(a.x[slot] ?? 0),
    y: Math.trunc(a.y[slot] ?? 0),
    needs: { hunger: round6(a.hunger[slot]), hygiene: round6(a.hygiene[slot]), energy: round6(a.energy[slot]) },
    wallet: round6(a.wallet[slot]),
    wages_earned: round6(a.wagesEarned[slot]),
    meals_eaten: count(a.mealsEaten[slot]),
    meals_cooked: count(a.mealsCooked[slot]),
    showers: count(a.showers[slot]),
    sleeps: count(a.sleeps[slot]),
    shifts_done: count(a.shiftsDone[slot]),
    lateness_count: count(a.latenessCount[slot])
  }
}
