/**
 * Carry out an exit: the agent leaves the town the way console `kill` removes one (its queue,
 * reservation or running affordance is dropped, its tile freed, its slot marked dead), the
 * configured exit hooks run, `agent_exit` is emitted, and a replacement is booked for
 * `respawn_min_ticks`–`respawn_max_ticks` later, the delay drawn from the `world` stream.
 */
import { nextInt } from '../rng/rng-streams'
import { Phase } from '../state/agent-store'
import { emit, type World } from '../state/world'
import { releaseOnExit } from '../policy/possession'
import { dropCurrent } from '../agents/drop-current'
import { runExitHooks } from './lifecycle-hooks'
import type { ExitReason } from './lifecycle-state'

/** The id a line of replacements is named after: `alice` for `alice`, `alice#1` and `alice#2`. */
export function originOf(id: string): string {
  const hash = id.indexOf('#')
  return hash < 0 ? id : id.slice(0, hash)
}

export function exitAgent(world: World, agent: number, reason: ExitReason): void {
  const { state, params } = world
  const config = params.config.lifecycle
  const life = state.lifecycle
  const a = state.agents.cols
  const id = state.agents.ids[agent]!
  const job = a.job[agent]!
  dropCurrent(world, agent)
  const tile = a.y[agent]! * params.map.width + a.x[agent]!
  state.tileCount[tile]!--
  a.alive[agent] = 0
  // Every per-agent system skips an agent without a job or a phase, as after `kill`.
  a.job[agent] = -1
  a.phase[agent] = Phase.none
  forget(world, agent)
  life.last_exit_tick = state.tick
  life.exits_today++
  life.totals[reason]++
  runExitHooks(config.exit_hooks, { world, agent, reason })
  emit(state, 'agent_exit', { agent_id: id, reason, job_id: params.jobs[job]?.id ?? null })
  if (!config.respawn) return
  const delay = config.respawn_min_ticks + nextInt(state.rng.world, config.respawn_max_ticks - config.respawn_min_ticks + 1)
  life.respawns.push({
    origin: originOf(id),
    left: id,
    home: a.home[agent]!,
    home_tile: a.homeTile[agent]!,
    job,
    workplace: a.workplace[agent]!,
    tile,
    wallet: a.wallet[agent]!,
    due: state.tick + delay
  })
}

/** Drop every lifecycle record of a slot that has left (by exit or by console `kill`), and release it if possessed. */
export function forget(world: World, agent: number): void {
  const life = world.state.lifecycle
  const key = String(agent)
  delete life.starving[key]
  delete life.employment.absences[key]
  life.pending = life.pending.filter((p) => p.agent !== agent)
  life.employment.queue = life.employment.queue.filter((q) => q.agent !== agent)
  releaseOnExit(world, agent)
}
