/**
 * The employment exit queue (only with `employment.enforce_exits`). An agent whose absent shifts
 * inside the window reach `max_absent_shifts` joins the queue (`employment_exit_pending`), unless
 * the queue already holds `exit_queue_limit` (`employment_exit_queue_overflow`; it tries again at
 * its next absent shift). Each tick the queue is processed in three passes, in this order:
 *
 * 1. `manual_approve`: entries an operator approved (`employment_exit approve`);
 * 2. `auto_review`: entries that waited `review_window_ticks` without an operator deferring them,
 *    which counts as reviewed, so the daily cap does not hold them;
 * 3. `daily_cap`: the oldest entries, while fewer than `daily_exit_cap` were processed today: the
 *    cap is how many exits a day the town takes without review (0: none).
 *
 * Processing (`employment_exit_processed`) resets the agent's absences and hands an eviction to
 * the exit gate, which may still hold it back (cooldown, daily cap, a perturbation).
 */
import { emit, type World } from '../state/world'
import { absenceCount } from './employment-absences'
import { addPending, isPending } from './exit-gate'
import type { QueueEntry } from './lifecycle-state'

export type ProcessReason = 'manual_approve' | 'auto_review' | 'daily_cap'

/** Queue the agents that crossed the threshold (slots whose absences just grew). */
export function enqueueOverThreshold(world: World, grew: readonly number[]): void {
  const { state, params } = world
  const config = params.config.employment
  const emp = state.lifecycle.employment
  for (const agent of grew) {
    if (absenceCount(world, agent) < config.max_absent_shifts) continue
    if (emp.queue.some((q) => q.agent === agent) || isPending(state.lifecycle, agent)) continue
    const jobId = params.jobs[state.agents.cols.job[agent]!]?.id ?? null
    if (jobId === null) continue
    const agentId = state.agents.ids[agent]!
    if (config.exit_queue_limit > 0 && emp.queue.length >= config.exit_queue_limit) {
      emit(state, 'employment_exit_queue_overflow', { agent_id: agentId, job_id: jobId, pending_count: emp.queue.length, limit: config.exit_queue_limit })
      continue
    }
    emp.queue.push({ agent, job_id: jobId, since: state.tick, approved: false })
    emit(state, 'employment_exit_pending', { agent_id: agentId, job_id: jobId, pending_count: emp.queue.length, absent_shifts: absenceCount(world, agent) }, { agent })
  }
}

export function processQueue(world: World): void {
  const { state, params } = world
  const config = params.config.employment
  const emp = state.lifecycle.employment
  if (emp.queue.length === 0) return
  // Entries of agents that left another way (console kill) just go.
  emp.queue = emp.queue.filter((q) => state.agents.cols.alive[q.agent] === 1)
  for (const entry of emp.queue.filter((q) => q.approved)) process(world, entry, 'manual_approve')
  for (const entry of emp.queue.filter((q) => state.tick - q.since >= config.review_window_ticks)) process(world, entry, 'auto_review')
  while (emp.queue.length > 0 && emp.processed_today < config.daily_exit_cap) process(world, emp.queue[0]!, 'daily_cap')
}

function process(world: World, entry: QueueEntry, reason: ProcessReason): void {
  const { state } = world
  const emp = state.lifecycle.employment
  emp.queue = emp.queue.filter((q) => q !== entry)
  emp.processed_today++
  delete emp.absences[String(entry.agent)]
  emit(state, 'employment_exit_processed', { agent_id: state.agents.ids[entry.agent]!, job_id: entry.job_id, reason, waited_ticks: state.tick - entry.since })
  // An agent already held at the gate for a faint needs no second exit, but the eviction wins:
  // eating must not cancel a decided eviction the way it cancels a faint.
  const held = state.lifecycle.pending.find((p) => p.agent === entry.agent)
  if (held) held.reason = 'eviction'
  else addPending(world, entry.agent, 'eviction')
}
