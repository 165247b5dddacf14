/**
 * The built-in handlers the config may name to run when an agent leaves or a replacement arrives
 * (`lifecycle.exit_hooks`, `lifecycle.spawn_hooks`), like the affordance hooks: the config only
 * names them, so a config can never run arbitrary code. The leaving itself (queues, reservations,
 * the tile) is not a hook: an exit that forgot it would corrupt the town.
 */
import type { ExitHookName, SpawnHookName } from '../../config/sections/lifecycle'
import { emit, type World } from '../state/world'
import type { ExitReason, RespawnTicket } from './lifecycle-state'

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6

export interface ExitHookContext {
  world: World
  /** The slot that just left (its columns still hold its last values). */
  agent: number
  reason: ExitReason
}

export interface SpawnHookContext {
  world: World
  /** The replacement's slot. */
  agent: number
  ticket: RespawnTicket
}

const EXIT_HANDLERS: Record<ExitHookName, (ctx: ExitHookContext) => void> = {
  /** A fuller record than `agent_exit`: the needs, wallet and job the agent left with, for narration and post-mortems. */
  log_exit: ({ world, agent, reason }) => {
    const { state, params } = world
    const a = state.agents.cols
    emit(state, 'agent_exit_record', {
      agent_id: state.agents.ids[agent]!,
      reason,
      home: params.homes[a.home[agent]!]?.id ?? null,
      x: a.x[agent]!,
      y: a.y[agent]!,
      hunger: round6(a.hunger[agent]!),
      hygiene: round6(a.hygiene[agent]!),
      energy: round6(a.energy[agent]!),
      wallet: round6(a.wallet[agent]!),
      meals_eaten: a.mealsEaten[agent]!,
      shifts_done: a.shiftsDone[agent]!
    })
  },
  /** Drop the leaver's queue cooldowns at once, so `queue_inspect` stops listing someone who has gone. */
  clear_cooldowns: ({ world, agent }) => {
    for (const cooldowns of world.state.objects.cooldowns) cooldowns.delete(agent)
  }
}

const SPAWN_HANDLERS: Record<SpawnHookName, (ctx: SpawnHookContext) => void> = {
  /** A record of what the replacement starts with. */
  log_spawn: ({ world, agent, ticket }) => {
    const { state, params } = world
    const a = state.agents.cols
    emit(state, 'agent_spawn_record', {
      agent_id: state.agents.ids[agent]!,
      original_agent_id: ticket.left,
      home: params.homes[a.home[agent]!]?.id ?? null,
      job_id: params.jobs[a.job[agent]!]?.id ?? null,
      hunger: round6(a.hunger[agent]!),
      hygiene: round6(a.hygiene[agent]!),
      energy: round6(a.energy[agent]!),
      wallet: round6(a.wallet[agent]!)
    })
  },
  /** The replacement takes over the leaver's money (debts included) instead of the starting wallet. */
  inherit_wallet: ({ world, agent, ticket }) => {
    world.state.agents.cols.wallet[agent] = ticket.wallet
  }
}

export function runExitHooks(names: readonly ExitHookName[], ctx: ExitHookContext): void {
  for (const name of names) EXIT_HANDLERS[name](ctx)
}

export function runSpawnHooks(names: readonly SpawnHookName[], ctx: SpawnHookContext): void {
  for (const name of names) SPAWN_HANDLERS[name](ctx)
}
