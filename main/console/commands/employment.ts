/**
 * Employment exits at the console: `employment_status` (anyone may look) and `employment_exit`
 * (review the queue, approve an exit, or defer it). `employment_exit` is admin as a whole: the
 * router decides the role per command before it reads arguments (so a viewer learns nothing of
 * an admin command's arguments), so a viewer reads the same queue through `employment_status`.
 */
import { dayOf } from '../../sim/time/clock'
import { now, queue, refuse, type CommandRun } from '../command'
import { resolveAgent } from '../resolve-ids'

import { absencesByJobView, exitCapsView, exitQueueView, pendingExitsView } from './employment-view'

export const employmentStatusRun: CommandRun<'employment_status'> = ({ world }) => {
  const { state, params } = world
  const life = state.lifecycle
  return now({
    tick: state.tick,
    day: dayOf(params.clock, state.tick),
    enforce_exits: params.config.employment.enforce_exits,
    lifecycle: params.config.features.systems.lifecycle,
    queue: exitQueueView(world),
    pending_exits: pendingExitsView(world),
    exits_today: { processed: life.employment.processed_today, exits: life.exits_today },
    caps: exitCapsView(world),
    absences_by_job: absencesByJobView(world),
    respawns: life.respawns.map((r) => ({ original_agent_id: r.left, due_tick: r.due })),
    totals: { ...life.totals }
  })
}

export const employmentExitRun: CommandRun<'employment_exit'> = ({ world }, args) => {
  if (args.action === 'review' || args.agent === undefined) {
    return now({ tick: world.state.tick, queue: exitQueueView(world), pending_exits: pendingExitsView(world), caps: exitCapsView(world) })
  }
  const agent = resolveAgent(world, args.agent)
  if (!agent.ok) return refuse(agent.code, agent.message)
  const life = world.state.lifecycle
  const queued = life.employment.queue.some((q) => q.agent === agent.index)
  const atGate = life.pending.some((p) => p.agent === agent.index && p.reason === 'eviction')
  if (args.action === 'approve' && !queued) return refuse('console.conflict', `${args.agent} is not in the employment exit queue${atGate ? ' (its exit is already approved and waits at the gate)' : ''}: see employment_exit {action: "review"}`)
  if (args.action === 'defer' && !queued && !atGate) return refuse('console.conflict', `${args.agent} has no employment exit to defer: see employment_exit {action: "review"}`)
  return queue({ op: 'employment_exit', agent: agent.index, action: args.action })
}
