/**
 * Possession: an operator takes an agent over from the policy (`possessed` 1) and gives it back.
 * The policy's decisions for a possessed agent are dropped at the tick (main/sim/systems/decisions.ts),
 * so whatever decided them, only the operator's `operator_act` moves it. An agent that leaves the
 * town is released, so a respawned slot or a later `possess` never finds a stale flag.
 */
import { Phase } from '../state/agent-store'
import { emit, type World } from '../state/world'

export type PossessionSource = 'console' | 'exit'

/** Set the flag and say so (`policy.possession`); false when it was already so. */
export function setPossessed(world: World, agent: number, possessed: boolean, by: PossessionSource): boolean {
  const a = world.state.agents.cols
  if ((a.possessed[agent] === 1) === possessed) return false
  a.possessed[agent] = possessed ? 1 : 0
  emit(world.state, 'policy.possession', { agent_id: world.state.agents.ids[agent]!, possessed, by })
  // An agent the operator left standing somewhere (an idle walk) is the policy's to send home
  // again: finishing the option makes the controller decide afresh next time it looks.
  if (!possessed && a.alive[agent] === 1 && a.option[agent] === 0 && a.phase[agent] !== Phase.using) a.phase[agent] = Phase.done
  return true
}

/** An agent leaving the town (exit or console `kill`) is no longer anyone's to drive. */
export function releaseOnExit(world: World, agent: number): void {
  if (world.state.agents.cols.possessed[agent] === 1) setPossessed(world, agent, false, 'exit')
}
