/**
 * What events do to prices and utilities. Both are recomputed from a baseline rather than
 * nudged in place, so overlapping events compose and ending one restores exactly:
 * - a price is its baseline times the magnitude of every active spike on it (spikes compound);
 * - a utility is on when its baseline is on and no active outage holds it off (outages are
 *   reference-counted by being listed: power returns when the last one ends).
 * The console has the last word: a `price` or `utility` command during an event becomes the new
 * baseline, and the events already active stop applying to that key (later ones apply on top).
 * Otherwise a spike would multiply the operator's value a second time, or an outage switch off
 * power the operator had just restored.
 */
import { SPIKE_KEYS } from '../../config/sections/perturbations'
import { emit, type World } from '../state/world'
import type { ActiveEvent, PerturbationsState, UtilityName } from './perturbations-state'

const UTILITIES: readonly UtilityName[] = ['power', 'water']
const round6 = (v: number) => Math.round(v * 1e6) / 1e6

/** Whether an active event still applies to a price key or utility (activated after the console last set it). */
const applies = (p: PerturbationsState, e: ActiveEvent, key: string) => e.seq > (p.rebased[key] ?? 0) && e.targets.includes(key)

function expectedPrice(p: PerturbationsState, key: (typeof SPIKE_KEYS)[number]): number {
  const base = p.baseline.prices[key]
  let value = base
  for (const e of p.active) if (e.kind === 'price_spike' && applies(p, e, key)) value *= e.magnitude ?? 1
  // Round spiked prices like the console does (no float noise in telemetry); leave the baseline exact.
  return value === base ? base : round6(value)
}

function expectedUtility(p: PerturbationsState, u: UtilityName): boolean {
  if (!p.baseline.utilities[u]) return false
  for (const e of p.active) if ((e.kind === 'power_outage' || e.kind === 'water_outage') && applies(p, e, u)) return false
  return true
}

/**
 * Take in what the console changed since the scheduler last wrote prices and utilities. The
 * console runs first in the tick, so this tick's `console.result` events name what it set; a
 * value that differs from what the events imply is also taken as the console's (or a test's).
 */
export function takeConsoleChanges(world: World): void {
  const { state } = world
  const p = state.perturbations
  const named = new Set<string>()
  for (const e of state.events) {
    if (e.type !== 'console.result' || e.status !== 'ok') continue
    // The op's own result (economy-ops.ts): {key, before, value} or {utility, on}.
    const { key, utility } = e.result
    if (e.op === 'set_price' && typeof key === 'string') named.add(key)
    if (e.op === 'set_utility' && typeof utility === 'string') named.add(utility)
  }
  for (const key of SPIKE_KEYS) {
    if (named.has(key) || state.prices[key] !== expectedPrice(p, key)) {
      p.baseline.prices[key] = state.prices[key]
      p.rebased[key] = ++p.seq
    }
  }
  for (const u of UTILITIES) {
    if (named.has(u) || state.utilities[u] !== expectedUtility(p, u)) {
      p.baseline.utilities[u] = state.utilities[u]
      p.rebased[u] = ++p.seq
    }
  }
}

/** Write the prices and utilities the active events imply, with an event for each that changed. */
export function applyEconomyEffects(world: World): void {
  const { state } = world
  const p = state.perturbations
  for (const key of SPIKE_KEYS) {
    const value = expectedPrice(p, key)
    const before = state.prices[key]
    if (value === before) continue
    state.prices[key] = value
    emit(state, 'price_changed', { key, before, value, cause: 'perturbation' })
  }
  for (const u of UTILITIES) {
    const on = expectedUtility(p, u)
    if (on === state.utilities[u]) continue
    state.utilities[u] = on
    emit(state, 'utility_changed', { utility: u, on, cause: 'perturbation' })
  }
}
