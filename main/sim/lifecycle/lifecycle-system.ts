/**
 * The lifecycle, last but rewards in the tick (so it sees this tick's `shift_ended` events and
 * needs after decay, and rewards see this tick's `agent_exit`s). In order:
 *
 * 1. a new calendar day resets the day counters and ages the absence window;
 * 2. employment: this tick's absent shifts are counted, agents over the threshold are queued and
 *    the queue is processed into evictions (only with `employment.enforce_exits`);
 * 3. fainting: long starvation becomes a faint;
 * 4. the exit gate lets pending exits go (suppression, cooldown, daily cap);
 * 5. replacements that are due arrive.
 *
 * Replacements come last so a newcomer is never judged in the tick it arrives. With
 * `features.systems.lifecycle: off` nothing here runs.
 */
import type { World } from '../state/world'
import { dayOf } from '../time/clock'
import { pruneAbsences, recordAbsences } from './employment-absences'
import { enqueueOverThreshold, processQueue } from './employment-queue'
import { runExitGate } from './exit-gate'
import { watchFainting } from './faint-watch'
import { runRespawns } from './respawn-agent'

export function runLifecycle(world: World): void {
  const { params, state } = world
  if (params.config.features.systems.lifecycle === 'off') return
  const life = state.lifecycle
  const day = dayOf(params.clock, state.tick)
  if (day !== life.day) {
    life.day = day
    life.exits_today = 0
    life.employment.processed_today = 0
    pruneAbsences(world, day)
  }
  const grew = recordAbsences(world)
  if (params.config.employment.enforce_exits) {
    if (grew.length > 0) enqueueOverThreshold(world, grew)
    processQueue(world)
  }
  if (params.config.lifecycle.fainting) watchFainting(world)
  runExitGate(world)
  runRespawns(world)
}
