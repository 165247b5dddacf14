/**
 * A new agent joins the town (console `spawn`). The rules (which home, tile, job and workplace)
 * live in spawn-agents.ts, which also spawns lists without recounting the town for each agent.
 */
import type { OpOf, OpOutcome } from '../op-handler'
import type { World } from '../state/world'
import { Spawner } from './spawn-agents'

export function spawnAgent(world: World, op: OpOf<'spawn'>): OpOutcome {
  return new Spawner(world).spawn(op)
}
