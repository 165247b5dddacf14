/**
 * Random starts: each tick, each spec with a chance, in config order, draws once from the `events`
 * stream, but only while every cap allows it — so the draws, and with them the whole sequence,
 * depend on the seed and the state alone (the original drew from an unseeded generator, so runs
 * never reproduced). A spec is skipped without drawing when:
 * - `max_concurrent` events are active, or the global cooldown runs (ticks after any start);
 * - `max_events_per_window` events started within the last `window_ticks`;
 * - its fairness bucket already had its share, floor(share × max_events_per_window), in the window;
 * - it is active, or in its own cooldown (ticks after its last event ended);
 * - the time of day is outside its window.
 */
import { inWindow, tickOfDay } from '../time/clock'
import { nextFloat } from '../rng/rng-streams'
import type { World } from '../state/world'
import { specTable, type CompiledSpec } from './spec-table'
import { nextEventId, startEvent } from './start-event'

/** This tick's random starts, spec by spec in config order, within every cap. */
export function drawRandomEvents(world: World): void {
  const table = specTable(world.params.config)
  if (table.drawable.length === 0) return
  const { state } = world
  const p = state.perturbations
  const t = state.tick
  for (const s of table.drawable) {
    // Town-wide caps first: once one binds, no later spec may draw this tick.
    if (p.active.length >= table.config.max_concurrent || t < p.next_random_at || p.window.length >= table.config.max_events_per_window) return
    if (!eligible(world, s)) continue
    if (nextFloat(state.rng.events) >= s.p) continue
    startEvent(world, { id: nextEventId(world), spec: s.name, kind: s.spec.kind, origin: 'random', starts_at: t, duration: null, magnitude: null, targets: null, location: null })
  }
}

function eligible(world: World, s: CompiledSpec): boolean {
  const p = world.state.perturbations
  const t = world.state.tick
  if ((p.spec_cooldowns[s.name] ?? 0) > t) return false
  if (p.active.some((e) => e.spec === s.name)) return false
  if (s.window && !inWindow(tickOfDay(world.params.clock, t), s.window[0], s.window[1])) return false
  if (s.bucket !== null) {
    const table = specTable(world.params.config)
    let used = 0
    for (const w of p.window) if (w.spec !== null && table.byName.get(w.spec)?.bucket === s.bucket) used++
    if (used >= (table.bucketCaps.get(s.bucket) ?? 0)) return false
  }
  return true
}
