/**
 * Test support: a small town on a real Simulation (needs frozen, so nothing but console commands
 * changes them), with a router and the final results it handed out.
 */
import type { ConsoleResult, Role } from '../../../shared/contract/dto/console'
import { parseConfigText } from '../../config/load-config'
import { Simulation } from '../../shard/simulation'
import { ConsoleRouter } from '../console-router'

export const CONSOLE_TOWN = `config_id: console_town
seed: 1
rewards:
  decay_rates: { hunger: 0, hygiene: 0, energy: 0 }
world:
  population: 2
  tile_capacity: 2
  layout:
    map: |
      ########
      #......#
      #.F..B.#
      #......#
      ########
    homes:
      - { id: flat, area: [1, 1, 6, 3] }
`

export function consoleTown(yaml = CONSOLE_TOWN) {
  const loaded = parseConfigText(yaml, 'console-town.yaml')
  if (!loaded.ok) throw new Error(loaded.error.message)
  const sim = new Simulation(loaded.value)
  const finals: ConsoleResult[] = []
  const router = new ConsoleRouter(sim, { onResult: (r) => finals.push(r) })
  const send = (name: string, args: unknown = {}, cmdId?: string, role: Role = 'admin') =>
    router.submit({ name, args, issuer: 'tester', role, ...(cmdId === undefined ? {} : { cmd_id: cmdId }) })
  const slot = (id: string) => sim.world.state.agents.ids.indexOf(id)
  return { sim, world: sim.world, router, finals, send, slot }
}
