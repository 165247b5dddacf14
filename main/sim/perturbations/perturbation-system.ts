/**
 * The perturbation scheduler, run right after the console inputs, before the policy's actions,
 * so this tick's actions already meet the shock. Its order each tick:
 * 1. take in what the console changed (new baselines, see economy-effects);
 * 2. end events due now (or cancelled), then expire cooldowns, window entries and grace periods;
 * 3. start pending events that are due (scheduled in the config, or triggered from the console);
 * 4. draw random starts, spec by spec in config order, from the `events` stream (random-draws);
 * 5. write prices and utilities the active events imply, with an event for each change.
 * Every draw comes from the `events` stream, whose state is part of the world: same seed, same events.
 */
import type { World } from '../state/world'
import { applyEconomyEffects, takeConsoleChanges } from './economy-effects'
import { endDueEvents, expireBookkeeping } from './end-events'
import { exitSuppressed } from './exit-suppression'
import { drawRandomEvents } from './random-draws'
import { startEvent } from './start-event'

/** One tick of the scheduler (see the order above); called by tick() right after the console inputs. */
export function runPerturbations(world: World): void {
  const p = world.state.perturbations
  const t = world.state.tick
  takeConsoleChanges(world)
  endDueEvents(world)
  expireBookkeeping(world)
  while (p.pending.length > 0 && p.pending[0]!.starts_at <= t) startEvent(world, p.pending.shift()!)
  drawRandomEvents(world)
  applyEconomyEffects(world)
}

/**
 * Whether an exit of this agent for this reason is suppressed by an active perturbation (or one
 * that ended within `exit_grace_ticks`); the lifecycle system asks before every exit. See
 * exit-suppression.ts for which events cover which reasons.
 */
export function isExitSuppressed(world: World, agent: number, reason: string): boolean {
  return exitSuppressed(world, agent, reason)
}
