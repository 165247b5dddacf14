/**
 * Test support: the shipped default shard (configs/default.yaml) with a chosen observation
 * variant and extra config, built through the real loader, registry and town builder.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { ObservationVariant } from '../../../../shared/contract/dto/policy'
import { syncAgents } from '../../../sim/society/sync-agents'
import type { World } from '../../../sim/state/world'
import { testWorld } from '../../../sim/testing/test-world'

const DEFAULT_YAML = readFileSync(resolve(__dirname, '../../../../configs/default.yaml'), 'utf8')

/**
 * The default town (8 agents in a house; fridge (2, 2), stove (4, 2), shower (6, 2), beds on row
 * 4) with `features.systems.observations = variant`, plus `extra` top-level YAML (e.g. an
 * `observations:` block). The society's per-agent arrays are synced, as after a tick.
 */
export function defaultTown(variant: ObservationVariant = 'hybrid', extra = ''): World {
  const world = testWorld(`${DEFAULT_YAML}\nfeatures:\n  systems: { observations: ${variant} }\n${extra}`)
  syncAgents(world)
  return world
}

/** Put agent i on tile (x, y). */
export function place(world: World, i: number, x: number, y: number): void {
  world.state.agents.cols.x[i] = x
  world.state.agents.cols.y[i] = y
}

/** Move every agent onto the street's far corner, out of one another's way (x = 23, rows 1…8). */
export function spreadOut(world: World): void {
  for (let i = 0; i < world.state.agents.count; i++) place(world, i, 23, 1 + i)
}
