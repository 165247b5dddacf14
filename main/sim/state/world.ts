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

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** One thing that happened in a tick. Plain JSON: the shard streams these as they are. */
export interface SimEvent {
  type: string
  tick: number
  [field: string]: JsonValue
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

export function emit(state: WorldState, type: string, fields: Omit<SimEvent, 'type' | 'tick'>): void {
  state.events.push({ type, tick: state.tick, ...fields })
}
