/**
 * Build a world from a validated config and affordance registry: the town, its objects with their
 * starting stock, and its agents placed in homes with jobs. Deterministic: the only randomness is
 * the `world` stream (initial needs), seeded from the config.
 */
import type { ShardConfig } from '../../config/shard-config-schema'
import type { AffordanceRegistry } from '../affordances/registry'
import { areaContains, buildBlockedMask, inGrid, useTiles, type Area, type TownMap } from '../map/town-map'
import { createStreams } from '../rng/rng-streams'
import { AgentStore } from '../state/agent-store'
import { createObjectStore, type ObjectStore } from '../state/object-store'
import type { JobParams, World, WorldParams } from '../state/world'
import { createLifecycleState } from '../lifecycle/lifecycle-state'
import { createPerturbationsState } from '../perturbations/perturbations-state'
import { createPolicyState } from '../policy/policy-state'
import { perturbationTownProblems } from '../perturbations/town-checks'
import { createRewardsState } from '../rewards/rewards-state'
import { createSocietyState } from '../society/society-state'
import { createClock, tickOfClock } from '../time/clock'
import { placeAgents } from './place-agents'
import { buildLayout, populationOf, type TownProblem } from './town-layout'
import { buildWorldCache } from './world-cache'

export type CreateWorldResult = { ok: true; world: World } | { ok: false; problems: TownProblem[] }

export function createWorld(config: ShardConfig, registry: AffordanceRegistry): CreateWorldResult {
  const objectTypes = Object.keys(registry.manifest.object_types)
  const layout = buildLayout(config, objectTypes)
  if (!layout.ok) return layout
  const map = layout.map
  const blocked = buildBlockedMask(map)
  const params = compileParams(config, map, blocked)
  const objects = createObjects(map, blocked, registry)
  const stockProblems = [...applyStockOverrides(config, objects), ...perturbationTownProblems(config, objects)]
  if (stockProblems.length > 0) return { ok: false, problems: stockProblems }
  const state = {
    tick: 0,
    rng: createStreams(config.seed),
    agents: new AgentStore(populationOf(config)),
    objects,
    tileCount: new Uint16Array(map.width * map.height),
    prices: { meal_cost: config.economy.meal_cost, ingredients_cost: config.economy.ingredients_cost, wage_income: config.economy.wage_income },
    utilities: { ...config.economy.utilities },
    counters: { cooldown_events: 0, ghost_step_events: 0, rotation_events: 0 },
    totals: { meals: 0, showers: 0, sleeps: 0, shifts_late: 0 },
    events: [],
    eventSlots: [],
    society: createSocietyState(config),
    lifecycle: createLifecycleState(config),
    perturbations: createPerturbationsState(config),
    rewards: createRewardsState(config),
    policy: createPolicyState(config)
  }
  const cache = buildWorldCache(params, objects)
  const world: World = { params, registry, state, cache }
  const placed = placeAgents(world, config)
  return placed.length > 0 ? { ok: false, problems: placed } : { ok: true, world }
}

function compileParams(config: ShardConfig, map: TownMap, blocked: Uint8Array): WorldParams {
  const tpd = config.world.ticks_per_day
  const jobs: JobParams[] = Object.entries(config.jobs).map(([id, job]) => ({
    id,
    workplace: job.workplace === undefined || config.world.generate ? -1 : map.workplaces.findIndex((w) => w.id === job.workplace),
    start: tickOfClock(job.start, tpd),
    end: tickOfClock(job.end, tpd),
    wage: job.wage ?? config.economy.wage_income,
    latenessPenalty: job.lateness_penalty,
    graceTicks: job.grace_ticks
  }))
  return {
    config,
    configId: config.config_id,
    seed: config.seed,
    clock: createClock(tpd, config.world.start_time),
    decay: { ...config.rewards.decay_rates },
    behavior: config.behavior,
    queue: config.queue_fairness,
    economy: config.economy,
    jobs,
    attendanceWindow: config.employment.attendance_window,
    tileCapacity: config.world.tile_capacity,
    startingWallet: config.world.initial.wallet,
    map,
    blocked,
    homes: map.homes,
    workplaces: map.workplaces
  }
}

function createObjects(map: TownMap, blocked: Uint8Array, registry: AffordanceRegistry): ObjectStore {
  const store = createObjectStore(map.objects.length)
  // Tile-indexed: a scan of every home per object is quadratic in a generated town's size.
  const homeOf = firstAreaByTile(map, map.homes)
  const workplaceOf = firstAreaByTile(map, map.workplaces)
  map.objects.forEach((o, i) => {
    store.ids.push(o.id)
    store.types.push(o.type)
    store.x[i] = o.x
    store.y[i] = o.y
    store.useTiles.push(useTiles(map, blocked, o))
    store.home[i] = firstAreaAt(map, homeOf, map.homes, o.x, o.y)
    store.workplace[i] = firstAreaAt(map, workplaceOf, map.workplaces, o.x, o.y)
    store.stock.push({ ...(registry.manifest.object_types[o.type]?.stock ?? {}) })
  })
  return store
}

/** Per tile, the index of the first area holding it (−1: none): painted last to first, so the first wins. */
function firstAreaByTile(map: TownMap, areas: readonly Area[]): Int32Array {
  const owner = new Int32Array(map.width * map.height).fill(-1)
  for (let k = areas.length - 1; k >= 0; k--) {
    const a = areas[k]!
    // The integer tiles areaContains accepts: x in [ceil(a.x), ceil(a.x + a.w)), clipped to the grid.
    for (let y = Math.max(0, Math.ceil(a.y)); y < Math.min(map.height, Math.ceil(a.y + a.h)); y++) {
      for (let x = Math.max(0, Math.ceil(a.x)); x < Math.min(map.width, Math.ceil(a.x + a.w)); x++) owner[y * map.width + x] = k
    }
  }
  return owner
}

/** `areas.findIndex((a) => areaContains(a, x, y))`, from the tile index when (x, y) is a tile. */
function firstAreaAt(map: TownMap, owner: Int32Array, areas: readonly Area[], x: number, y: number): number {
  return inGrid(map, x, y) ? owner[y * map.width + x]! : areas.findIndex((a) => areaContains(a, x, y))
}

function applyStockOverrides(config: ShardConfig, objects: ObjectStore): TownProblem[] {
  const problems: TownProblem[] = []
  for (const [id, stock] of Object.entries(config.world.layout?.stock ?? {})) {
    const o = objects.ids.indexOf(id)
    if (o < 0) {
      problems.push({ path: ['world', 'layout', 'stock', id], message: `no object "${id}" on the map: object ids are <type>_<n> in reading order, e.g. ${objects.ids.slice(0, 3).join(', ')}` })
      continue
    }
    Object.assign(objects.stock[o]!, stock)
  }
  return problems
}
