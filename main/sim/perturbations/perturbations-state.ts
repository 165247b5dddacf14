/**
 * The perturbation scheduler's state. Part of the world, so it is hashed and goes into snapshots:
 * plain JSON-ready data only (records, arrays, numbers), never Maps or class instances.
 */
import type { PerturbationKind, SpikeKey } from '../../config/sections/perturbations'
import type { ShardConfig } from '../../config/shard-config-schema'

export type EventOrigin = 'random' | 'scheduled' | 'console'

/** An event waiting for its start tick; anything left null is drawn when it starts. */
export interface PendingEvent {
  id: string
  /** The config spec, or null for an ad-hoc console meet (`arrange_meet`). */
  spec: string | null
  kind: PerturbationKind
  origin: EventOrigin
  starts_at: number
  duration: number | null
  magnitude: number | null
  /** Spike: economy keys or groups; meet: agent ids; null: the spec's own (or drawn participants). */
  targets: string[] | null
  /** Meet: object id or type; null: the spec's. */
  location: string | null
}

export interface ActiveEvent {
  id: string
  spec: string | null
  kind: PerturbationKind
  origin: EventOrigin
  started_at: number
  ends_at: number
  /** Price spikes only. */
  magnitude: number | null
  /** Spike: the economy keys it multiplies; outage: the utility; meet: the agents gathered. */
  targets: string[]
  /** Meet: the object they were gathered at. */
  object_id: string | null
  /** Activation order, compared with console rebases (see economy-effects). */
  seq: number
  cancelled: boolean
}

/** An ended event, kept `exit_grace_ticks` so exits tied to it stay suppressed while people recover. */
export interface RecentEvent {
  id: string
  kind: PerturbationKind
  targets: string[]
  ended_at: number
}

export type UtilityName = 'power' | 'water'

export interface PerturbationsState {
  /** Ids are `evt_<n>`, numbered in the order events were created (scheduled, triggered or drawn). */
  next_id: number
  /** Counter ordering activations and console rebases. */
  seq: number
  /** Sorted by start tick, then creation. */
  pending: PendingEvent[]
  /** In activation order. */
  active: ActiveEvent[]
  recent: RecentEvent[]
  /** Spec → first tick it may be drawn again. */
  spec_cooldowns: Record<string, number>
  /** Agent id → first tick it may be drawn into a meet again. */
  agent_cooldowns: Record<string, number>
  /** No random event starts before this tick (global cooldown). */
  next_random_at: number
  /** Starts within the last `window_ticks`, oldest first. */
  window: { tick: number; spec: string | null }[]
  /** Prices and utilities as they would be without events: the config's, or the console's last word. */
  baseline: { prices: Record<SpikeKey, number>; utilities: Record<UtilityName, boolean> }
  /** Per price key / utility: the `seq` of the console's last change. Events activated before it no longer apply there. */
  rebased: Record<string, number>
}

/** A fresh scheduler: config baselines, and the config's `scheduled` events pending (ids evt_1 … in start order). */
export function createPerturbationsState(config: ShardConfig): PerturbationsState {
  const { economy, perturbations } = config
  const state: PerturbationsState = {
    next_id: 1,
    seq: 0,
    pending: [],
    active: [],
    recent: [],
    spec_cooldowns: {},
    agent_cooldowns: {},
    next_random_at: 0,
    window: [],
    baseline: {
      prices: { meal_cost: economy.meal_cost, ingredients_cost: economy.ingredients_cost, wage_income: economy.wage_income },
      utilities: { power: economy.utilities.power, water: economy.utilities.water }
    },
    rebased: {}
  }
  // Fixed events from the config become pending now; what they leave open is drawn when they start.
  const scheduled = [...perturbations.scheduled].sort((a, b) => a.at_tick - b.at_tick)
  for (const s of scheduled) {
    const spec = perturbations.events[s.spec]!
    state.pending.push({
      id: `evt_${state.next_id++}`,
      spec: s.spec,
      kind: spec.kind,
      origin: 'scheduled',
      starts_at: s.at_tick,
      duration: s.duration ?? null,
      magnitude: s.magnitude ?? null,
      targets: s.targets ? [...s.targets] : null,
      location: null
    })
  }
  return state
}

/** Queue a pending event in start order (ties keep creation order). */
export function addPending(state: PerturbationsState, event: PendingEvent): void {
  let at = state.pending.length
  while (at > 0 && state.pending[at - 1]!.starts_at > event.starts_at) at--
  state.pending.splice(at, 0, event)
}
