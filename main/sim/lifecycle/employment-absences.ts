/**
 * Absence counters for the employment exit queue. An absent shift is a shift the agent missed
 * entirely: the jobs system's `shift_ended` with `arrived: false`, read from this tick's events with its slot
 * (jobs run before the lifecycle). Each is kept as the calendar day it ended on, so the count is a
 * rolling window of `absence_window_days` days; older days fall out at each day's turn.
 */
import { alignedSlots, slotsAt } from '../events/event-slots'
import type { World } from '../state/world'
import { dayOf } from '../time/clock'

/** Record this tick's absent shifts; returns the slots whose count grew, in event order. */
export function recordAbsences(world: World): number[] {
  const { state, params } = world
  const grew: number[] = []
  const day = dayOf(params.clock, state.tick)
  const events = state.events
  const slots = alignedSlots(events, state.eventSlots)
  for (let k = 0; k < events.length; k++) {
    const event = events[k]!
    if (event.type !== 'shift_ended' || event.arrived) continue
    // The slot the jobs system named; only the living count (as when this looked the id up).
    const agent = slotsAt(slots, k, event.type).agent
    if (state.agents.cols.alive[agent] !== 1) continue
    const key = String(agent)
    const days = (state.lifecycle.employment.absences[key] ??= [])
    days.push(day)
    grew.push(agent)
  }
  return grew
}

/** Absent shifts of an agent inside the window. */
export function absenceCount(world: World, agent: number): number {
  return world.state.lifecycle.employment.absences[String(agent)]?.length ?? 0
}

/** At a new day: drop the days that left the window, and the agents left with none. */
export function pruneAbsences(world: World, day: number): void {
  const absences = world.state.lifecycle.employment.absences
  const oldest = day - world.params.config.employment.absence_window_days + 1
  for (const key in absences) {
    const kept = absences[key]!.filter((d) => d >= oldest)
    if (kept.length === 0 || world.state.agents.cols.alive[Number(key)] !== 1) delete absences[key]
    else absences[key] = kept
  }
}
