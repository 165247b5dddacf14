/**
 * Hot reload support: when the registry is replaced, affordances already running keep going
 * under the new definition with the same id; one whose id disappeared is stopped (its costs are
 * refunded) rather than left pointing at nothing.
 */
import type { World } from '../state/world'
import { abortAffordance } from '../systems/affordance-runtime'
import type { AffordanceRegistry } from './registry'

export function remapRunning(world: World, next: AffordanceRegistry): void {
  const objects = world.state.objects
  for (let o = 0; o < objects.count; o++) {
    const running = objects.running[o]!
    if (running < 0) continue
    const id = world.registry.affordances[running]?.spec.id
    const replacement = id === undefined ? undefined : next.byId.get(id)
    if (replacement) objects.running[o] = replacement.index
    else abortAffordance(world, o, 'registry_reloaded')
  }
}
