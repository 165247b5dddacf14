/** Needs decay every tick by `rewards.decay_rates`, never below 0 (affordance effects clamp the top). */
import type { World } from '../state/world'

export function decayNeeds(world: World): void {
  const { hunger: dh, hygiene: dy, energy: de } = world.params.decay
  const a = world.state.agents.cols
  const n = world.state.agents.count
  const { hunger, hygiene, energy, alive } = a
  for (let i = 0; i < n; i++) {
    if (alive[i] !== 1) continue
    const h = hunger[i]! - dh
    hunger[i] = h > 0 ? h : 0
    const y = hygiene[i]! - dy
    hygiene[i] = y > 0 ? y : 0
    const e = energy[i]! - de
    energy[i] = e > 0 ? e : 0
  }
}
