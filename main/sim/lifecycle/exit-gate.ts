/**
 * The town-wide exit gate. Every decided exit (a faint, an eviction) waits here, oldest first, and
 * leaves only when (1) no active perturbation suppresses it (`isExitSuppressed`, owned by the
 * perturbation scheduler), (2) the last exit is `exit_cooldown_ticks` behind, and (3) today has
 * not had `max_exits_per_day` exits. An exit held back stays pending (the agent stays in town,
 * flagged) and is tried again every tick, so nothing is lost; `agent_exit_deferred` says why
 * when it is first held back, and `employment_status` shows what holds it now.
 */
import { isExitSuppressed } from '../perturbations/perturbation-system'
import { emit, type World } from '../state/world'
import { exitAgent } from './exit-agent'
import type { ExitReason, GateBlock, LifecycleState, PendingExit } from './lifecycle-state'

export function isPending(life: LifecycleState, agent: number): boolean {
  return life.pending.some((p) => p.agent === agent)
}

export function addPending(world: World, agent: number, reason: ExitReason): void {
  world.state.lifecycle.pending.push({ agent, reason, since: world.state.tick, blocked: '' })
}

/** What the cooldown and the daily cap say now ('' when an exit may go). */
function gateBlock(world: World): GateBlock {
  const life = world.state.lifecycle
  const { exit_cooldown_ticks, max_exits_per_day } = world.params.config.lifecycle
  if (exit_cooldown_ticks > 0 && life.last_exit_tick >= 0 && world.state.tick - life.last_exit_tick < exit_cooldown_ticks) return 'cooldown'
  if (max_exits_per_day > 0 && life.exits_today >= max_exits_per_day) return 'daily_cap'
  return ''
}

export function runExitGate(world: World): void {
  const { state } = world
  const life = state.lifecycle
  if (life.pending.length === 0) return
  const queue = life.pending
  // exitAgent() forgets the leaver's records, pending ones included: build the kept list aside.
  life.pending = []
  const kept: PendingExit[] = []
  let gate = gateBlock(world)
  for (const entry of queue) {
    if (state.agents.cols.alive[entry.agent] !== 1) continue // gone another way (console kill)
    const block: GateBlock = isExitSuppressed(world, entry.agent, entry.reason) ? 'suppressed' : gate
    if (block !== '') {
      // Said once, when first held back: in a big starving town the reason flips with every
      // exit (cooldown, then cap), and hundreds of waiting agents would repeat it each time.
      if (entry.blocked === '') emit(state, 'agent_exit_deferred', { agent_id: state.agents.ids[entry.agent]!, reason: entry.reason, blocked_by: block, pending_since: entry.since })
      entry.blocked = block
      kept.push(entry)
      continue
    }
    exitAgent(world, entry.agent, entry.reason)
    gate = gateBlock(world)
  }
  life.pending = kept
}
