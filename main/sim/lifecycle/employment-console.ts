/**
 * The engine side of console `employment_exit approve|defer`, applied at the tick boundary. The
 * console checked the agent and the queue when the command arrived; the queue may have moved
 * since (the agent was processed, or left), so it is checked again here and a stale command is
 * refused without changing anything.
 */
import { living, missing, type OpHandlers, type OpOutcome } from '../op-handler'
import { emit, type World } from '../state/world'

export type EmploymentExitAction = 'approve' | 'defer'

/** The lifecycle's console operations, merged in console-ops.ts. */
export const lifecycleOps: OpHandlers<'employment_exit'> = {
  employment_exit: (world, op) => (living(world, op.agent) ? applyEmploymentExit(world, op.agent, op.action) : missing(op.agent))
}

export function applyEmploymentExit(world: World, agent: number, action: EmploymentExitAction): OpOutcome {
  const { state } = world
  const life = state.lifecycle
  const emp = life.employment
  const agentId = state.agents.ids[agent] ?? '?'
  const entry = emp.queue.find((q) => q.agent === agent)
  if (action === 'approve') {
    if (!entry) return { ok: false, code: 'console.conflict', message: `${agentId} is not in the employment exit queue (any more): see employment_status` }
    // Processed by the lifecycle at the end of this tick, then through the exit gate.
    entry.approved = true
    return { ok: true, value: { agent_id: agentId, action, job_id: entry.job_id } }
  }
  const eviction = life.pending.find((p) => p.agent === agent && p.reason === 'eviction')
  if (!entry && !eviction) return { ok: false, code: 'console.conflict', message: `${agentId} has no employment exit to defer: see employment_status` }
  // Deferring forgives: the agent leaves the queue (or the gate) and its absences start again from zero.
  emp.queue = emp.queue.filter((q) => q.agent !== agent)
  life.pending = life.pending.filter((p) => p !== eviction)
  delete emp.absences[String(agent)]
  const jobId = entry?.job_id ?? world.params.jobs[state.agents.cols.job[agent]!]?.id ?? null
  emit(state, 'employment_exit_deferred', { agent_id: agentId, job_id: jobId, stage: entry ? 'queue' : 'gate' })
  return { ok: true, value: { agent_id: agentId, action, job_id: jobId } }
}
