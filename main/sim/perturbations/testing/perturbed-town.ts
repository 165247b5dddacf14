/**
 * Test support: a small flat (fridge, stove, shower, beds) with a `perturbations` section, and a
 * driver that ticks it without a policy (nobody moves unless told), collecting every event.
 */
import type { ConsoleOp } from '../../inputs'
import { eventsOfType } from '../../events/event-map'
import type { SimEvent, World } from '../../state/world'
import { testWorld } from '../../testing/test-world'
import { tick } from '../../tick'

export function perturbedTown(perturbations: string, opts: { seed?: number; population?: number; extra?: string } = {}): World {
  return testWorld(`config_id: perturbed
seed: ${opts.seed ?? 1}
rewards:
  decay_rates: { hunger: 0, hygiene: 0, energy: 0 }
world:
  population: ${opts.population ?? 4}
  tile_capacity: 2
  layout:
    map: |
      ##########
      #........#
      #.F.S.H..#
      #........#
      #.B.B.B.B#
      ##########
    homes:
      - { id: flat, area: [1, 1, 8, 4] }
${opts.extra ?? ''}perturbations:
${perturbations
  .split('\n')
  .map((line) => `  ${line}`)
  .join('\n')}
`)
}

/** Tick `world` `n` times with these console ops on the first tick; returns every event. */
export function run(world: World, n: number, ops: ConsoleOp[] = []): SimEvent[] {
  const events: SimEvent[] = []
  for (let i = 0; i < n; i++) events.push(...tick(world, { decisions: [], console: i === 0 ? ops : [] }))
  return events
}

export const ofType = eventsOfType
