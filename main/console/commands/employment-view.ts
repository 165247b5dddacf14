/**
 * Read-only views of the employment exit queue and the lifecycle for `employment_status` and
 * `employment_exit review`: agents by id (never slot), ticks as the engine counts them.
 */
import type { JsonValue, World } from '../../sim/state/world'

/** The exit queue, oldest first: who, for which job, since when, and when it is processed unreviewed. */
export function exitQueueView(world: World): JsonValue[] {
  const { state, params } = world
  const { review_window_ticks } = params.config.employment
  return state.lifecycle.employment.queue.map((q) => ({
    agent_id: state.agents.ids[q.agent]!,
    job_id: q.job_id,
    since: q.since,
    waited_ticks: state.tick - q.since,
    review_due_tick: q.since + review_window_ticks,
    approved: q.approved,
    absent_shifts: state.lifecycle.employment.absences[String(q.agent)]?.length ?? 0
  }))
}

/** Exits decided but held back at the gate (or not yet tried), oldest first. */
export function pendingExitsView(world: World): JsonValue[] {
  const { state } = world
  return state.lifecycle.pending.map((p) => ({ agent_id: state.agents.ids[p.agent]!, reason: p.reason, since: p.since, blocked_by: p.blocked || null }))
}

/** The limits in force, and when the cooldown next lets an exit through. */
export function exitCapsView(world: World): JsonValue {
  const { employment, lifecycle } = world.params.config
  const life = world.state.lifecycle
  const cooldownEnds = life.last_exit_tick >= 0 ? life.last_exit_tick + lifecycle.exit_cooldown_ticks : 0
  return {
    max_absent_shifts: employment.max_absent_shifts,
    absence_window_days: employment.absence_window_days,
    daily_exit_cap: employment.daily_exit_cap,
    review_window_ticks: employment.review_window_ticks,
    exit_queue_limit: employment.exit_queue_limit,
    exit_cooldown_ticks: lifecycle.exit_cooldown_ticks,
    max_exits_per_day: lifecycle.max_exits_per_day,
    next_exit_tick: Math.max(world.state.tick + 1, cooldownEnds)
  }
}

/** Per job: living agents, how many have absences in the window, the absent shifts, and how many are at the threshold. */
export function absencesByJobView(world: World): JsonValue {
  const { state, params } = world
  const threshold = params.config.employment.max_absent_shifts
  const out: Record<string, { agents: number; absent_agents: number; absent_shifts: number; at_threshold: number }> = {}
  for (const job of params.jobs) out[job.id] = { agents: 0, absent_agents: 0, absent_shifts: 0, at_threshold: 0 }
  const a = state.agents.cols
  for (let i = 0; i < state.agents.count; i++) {
    const row = a.alive[i] === 1 ? out[params.jobs[a.job[i]!]?.id ?? ''] : undefined
    if (!row) continue
    row.agents++
    const n = state.lifecycle.employment.absences[String(i)]?.length ?? 0
    if (n === 0) continue
    row.absent_agents++
    row.absent_shifts += n
    if (n >= threshold) row.at_threshold++
  }
  return out
}
