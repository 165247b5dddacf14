/**
 * The affordance step of the tick: running affordances progress (and complete), then holders
 * that have reached their object start. Progress comes first, so an affordance of duration d
 * started at tick t completes at tick t + d.
 */
import { Phase } from '../state/agent-store'
import type { World } from '../state/world'
import { advanceAffordances, startAffordance } from './affordance-runtime'
import { stepsLeft } from './movement'

export function runAffordances(world: World): void {
  advanceAffordances(world)
  const { objects, agents } = world.state
  for (let o = 0; o < objects.count; o++) {
    const holder = objects.holder[o]!
    if (holder < 0 || objects.running[o]! >= 0) continue
    if (agents.cols.phase[holder] !== Phase.holding || stepsLeft(world, holder) > 0) continue
    startAffordance(world, o, holder)
  }
}
