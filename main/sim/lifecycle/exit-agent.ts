/**
 * Carry out an exit: the agent leaves the town by the one way out (agents/enter-leave.ts, which
 * console `kill` takes too: its queue, reservation or running affordance is dropped, its tile
 * freed, its slot marked dead, its lifecycle records dropped), the configured exit hooks run,
 * `agent_exit` is emitted, and a replacement is booked for `respawn_min_ticks`–`respawn_max_ticks`
 * later, the delay drawn from the `world` stream.
 */
import { leaveTown } from '../agents/enter-leave'
import { nextInt } from '../rng/rng-streams'
import { emit, type World } from '../state/world'
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
  const tile = leaveTown(world, agent)
  life.last_exit_tick = state.tick
  life.exits_today++
  life.totals[reason]++
  runExitHooks(config.exit_hooks, { world, agent, reason })
  emit(state, 'agent_exit', { agent_id: id, reason, job_id: params.jobs[job]?.id ?? null }, { agent })
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
