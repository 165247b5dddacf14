/**
 * The world: immutable parameters compiled from the config (`params`), the mutable state the
 * tick advances (`state`), and derived runtime caches that are never part of the state (`cache`:
 * path cache, indexes), so hashing and snapshots see only what determines the future.
 */
import type { ShardConfig } from '../../config/shard-config-schema'
import type { LifecycleState } from '../lifecycle/lifecycle-state'
import type { PerturbationsState } from '../perturbations/perturbations-state'
import type { PolicyState } from '../policy/policy-state'
import type { RewardsState } from '../rewards/rewards-state'
import type { SocietyState } from '../society/society-state'
import type { AffordanceRegistry } from '../affordances/registry'
import type { Area, TownMap } from '../map/town-map'
import type { PathFinder } from '../map/path-finder'
import type { RngStreams } from '../rng/rng-streams'
import type { SimClock } from '../time/clock'
import type { AgentStore } from './agent-store'
import type { ObjectStore } from './object-store'
import type { SimEvent, SimEventMap, SimEventType } from '../events/event-map'
import type { EventSlotList, SlotsArg } from '../events/event-slots'

export type { SimEvent, SimEventDraft, SimEventMap, SimEventOf, SimEventType } from '../events/event-map'
export type { JsonValue } from '../events/event-fields'

export interface JobParams {
  id: string
  /** Workplace index, or -1 when each agent works at its district's workplace (generated towns). */
  workplace: number
  /** Ticks of day. */
  start: number
  end: number
  wage: number
  latenessPenalty: number
  graceTicks: number
}

export interface WorldParams {
  /** The whole validated config, for systems that read their own section. */
  config: ShardConfig
  configId: string
  seed: number
  clock: SimClock
  decay: { hunger: number; hygiene: number; energy: number }
  behavior: ShardConfig['behavior']
  queue: ShardConfig['queue_fairness']
  economy: ShardConfig['economy']
  jobs: JobParams[]
  attendanceWindow: number
  tileCapacity: number
  /** Wallet of an agent the config or console adds without naming one. */
  startingWallet: number
  map: TownMap
  /** 1 where a wall or an object stands. */
  blocked: Uint8Array
  homes: Area[]
  workplaces: Area[]
}

export interface QueueCounters {
  cooldown_events: number
  ghost_step_events: number
  rotation_events: number
}

export interface Totals {
  meals: number
  showers: number
  sleeps: number
  shifts_late: number
}

export interface WorldState {
  tick: number
  rng: RngStreams
  agents: AgentStore
  objects: ObjectStore
  /** Agents standing on each tile. */
  tileCount: Uint16Array
  prices: { meal_cost: number; ingredients_cost: number; wage_income: number }
  utilities: { power: boolean; water: boolean }
  counters: QueueCounters
  totals: Totals
  /** This tick's events, in order; cleared at the start of every tick. */
  events: SimEvent[]
  /** The slots each of `events` is about (main/sim/events/event-slots.ts), index for index; never hashed or saved. */
  eventSlots: EventSlotList
  society: SocietyState
  lifecycle: LifecycleState
  perturbations: PerturbationsState
  rewards: RewardsState
  /** The anneal ratio (main/sim/policy); possession is the agent column `possessed`. */
  policy: PolicyState
}

export interface WorldCache {
  paths: PathFinder
  /** Object indexes by type, in map order. */
  objectsByType: Map<string, number[]>
  /** Per home index: object indexes by type. */
  objectsByHome: Map<string, number[]>[]
  /** Objects in no home (workplaces, the street), by type. */
  publicObjectsByType: Map<string, number[]>
}

export interface World {
  params: WorldParams
  /** The affordance registry: swappable at run time (hot reload) without touching the state. */
  registry: AffordanceRegistry
  state: WorldState
  cache: WorldCache
}

/** Forget the tick's events and their slots together (the two lists stay index for index). */
export function resetTickEvents(state: WorldState): void {
  state.events = []
  state.eventSlots = []
}

/**
 * Say that something happened this tick. Typed by the event map: `fields` must be exactly the
 * type's payload, and the types that later systems of the tick read by slot take their slots too.
 * Nothing is parsed here (the hot path); the schemas check at the boundaries and in tests.
 */
export function emit<K extends SimEventType>(state: WorldState, type: K, fields: SimEventMap[K], ...slots: SlotsArg<K>): void {
  state.events.push({ type, tick: state.tick, ...fields } as SimEvent)
  state.eventSlots.push(slots[0] ?? null)
}
