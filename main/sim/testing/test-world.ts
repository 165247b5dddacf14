/**
 * Test support: a world built from config YAML through the real loader, registry and town
 * builder, so engine tests exercise what the app runs.
 */
import { parseConfigText } from '../../config/load-config'
import { compileRegistry } from '../affordances/registry'
import type { World } from '../state/world'
import { createWorld } from '../town/create-world'

export function testWorld(yaml: string): World {
  const loaded = parseConfigText(yaml, 'test.yaml')
  if (!loaded.ok) throw new Error(loaded.error.message)
  const registry = compileRegistry(loaded.value.affordances.manifest)
  if (!registry.ok) throw new Error('registry does not compile')
  const created = createWorld(loaded.value.config, registry.registry)
  if (!created.ok) throw new Error(created.problems.map((p) => p.message).join('; '))
  return created.world
}

/** A room with `showers` showers along the top wall and `agents` people, every need frozen. */
export function showerRoom(showers: number, agents: number, queue = 'cooldown_ticks: 5\n  ghost_step_after: 3\n  age_priority_weight: 0.1'): World {
  const width = Math.max(8, showers * 2 + 3)
  const row = (fill: string) => `#${fill.padEnd(width - 2, '.')}#`
  const top = '#'.repeat(width)
  const map = [top, row('.' + 'H.'.repeat(showers)), ...Array.from({ length: 4 }, () => row('')), top].join('\n      ')
  return testWorld(`config_id: t
seed: 1
rewards:
  decay_rates: { hunger: 0, hygiene: 0, energy: 0 }
queue_fairness:
  ${queue}
world:
  population: ${agents}
  tile_capacity: 64
  layout:
    map: |
      ${map}
    homes:
      - { id: room, area: [1, 1, ${width - 2}, 5] }
`)
}
