/**
 * The employment exit queue and the day's exit counters. The original kept the queue as agent
 * ids with enqueue ticks, a set of operator-approved exits and `exit_pending` on each agent; ours
 * keeps entries `{agent slot, job, since, approved}` in the lifecycle state. Counters are
 * today's, and "today" is the target calendar's day at the imported tick.
 */
import { dayOf } from '../../sim/time/clock'
import { clamp, rebase, type ImportContext } from './import-context'

export function importEmployment(ctx: ImportContext): void {
  const { world, report, state } = ctx
  const life = world.state.lifecycle
  const emp = life.employment
  const config = world.params.config.employment
  const legacy = state.employment ?? {}
  life.day = dayOf(world.params.clock, ctx.tick)

  const manual = new Set(legacy.manual_exits ?? [])
  const queued = new Set(legacy.exit_queue ?? [])
  const pendingFlag = state.agents.filter((a) => a.exit_pending === true).map((a) => a.agent_id)
  const flagged = new Set(pendingFlag)
  // Queue order first, then agents flagged pending that the queue lacks, then approvals alone.
  const order = [...new Set([...queued, ...pendingFlag, ...manual])]
  const stamps = legacy.queue_timestamps ?? {}
  for (const id of order) {
    const field = queued.has(id) ? 'employment.exit_queue' : flagged.has(id) ? 'agents.exit_pending' : 'employment.manual_exits'
    const slot = ctx.slots.get(id)
    if (slot === undefined) {
      report.drop(field, 'the agent is not in the imported town', id)
      continue
    }
    const job = world.params.jobs[world.state.agents.cols.job[slot]!]
    if (!job) {
      report.drop(field, 'the agent has no job in the target town: the exit queue holds employed agents only', id)
      continue
    }
    if (config.exit_queue_limit > 0 && emp.queue.length >= config.exit_queue_limit) {
      report.drop(field, "the target's employment.exit_queue_limit is reached", id)
      continue
    }
    const since = Object.hasOwn(stamps, id) ? clamp(rebase(ctx, stamps[id]!), 0, ctx.tick) : ctx.tick
    emp.queue.push({ agent: slot, job_id: job.id, since, approved: manual.has(id) })
    report.map(field, 1, manual.has(id) ? 'queued, approved by an operator: it is processed at the next tick' : 'queued with its enqueue tick')
  }
  const listed = new Set(order)
  const stale = Object.keys(stamps).filter((id) => !listed.has(id))
  for (const id of stale) report.drop('employment.queue_timestamps', 'the agent is not in the exit queue', id)
  if (emp.queue.length > 0 && !config.enforce_exits) report.warn('the target config does not enforce employment exits (employment.enforce_exits: false): the imported exit queue is kept but never processed')

  if (legacy.exits_today !== undefined) {
    emp.processed_today = legacy.exits_today
    report.map('employment.exits_today', 1, "→ the exit queue's count for the target's current day")
  }
  const lifecycle = state.lifecycle
  if (lifecycle?.exits_today !== undefined) {
    life.exits_today = lifecycle.exits_today
    report.map('lifecycle.exits_today', 1, "→ the exit gate's count for the target's current day")
  }
  if (lifecycle?.employment_day !== undefined) report.drop('lifecycle.employment_day', "the original's employment day (tick ÷ review window) has no counterpart: the day follows the target calendar")
}
