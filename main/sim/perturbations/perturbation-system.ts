/** The perturbation scheduler: events end, start and are drawn from the `events` stream (engine issue II). */
import type { World } from '../state/world'

export function runPerturbations(_world: World): void {}

/** Whether an exit of this agent for this reason is suppressed by an active perturbation. */
export function isExitSuppressed(_world: World, _agent: number, _reason: string): boolean {
  return false
}
