/** A small town for telemetry tests where alerts and narration come soon: nobody can eat. */
import type { World } from '../../sim/state/world'
import { testWorld } from '../../sim/testing/test-world'

/** Four people in a flat without a fridge or a stove, hunger draining at 1 % a tick. */
export function starvingTown(): World {
  return testWorld(`config_id: starving
seed: 3
rewards:
  decay_rates: { hunger: 0.01, hygiene: 0, energy: 0 }
world:
  population: 4
  layout:
    map: |
      ########
      #.B.B..#
      #......#
      ########
    homes: [{ id: flat, area: [1, 1, 6, 2] }]
  agents:
    - { id: ann, needs: { hunger: 0.3, hygiene: 1, energy: 1 } }
    - { id: bob, needs: { hunger: 0.3, hygiene: 1, energy: 1 } }
    - { id: cat, needs: { hunger: 0.5, hygiene: 1, energy: 1 } }
    - { id: dan, needs: { hunger: 0.5, hygiene: 1, energy: 1 } }
`)
}
