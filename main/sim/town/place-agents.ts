/**
 * Put the population into the town: hand-placed agents first (config `world.agents`), then
 * generated ones. Each gets a home (round-robin, or consecutive households in a generated town),
 * a job (round-robin over `jobs` in config order), a standing tile at home, a work tile beside a
 * workstation, starting needs (from the `world` stream) and a wallet.
 */
import type { ShardConfig } from '../../config/shard-config-schema'
import type { Area } from '../map/town-map'
import { nextFloat } from '../rng/rng-streams'
import type { World } from '../state/world'
import { generatedNames } from './agent-names'
import { populationOf, type TownProblem } from './town-layout'

export function placeAgents(world: World, config: ShardConfig): TownProblem[] {
  const { params, state } = world
  const problems: TownProblem[] = []
  const population = populationOf(config)
  const specs = config.world.agents
  const names = generatedNames(population - specs.length, new Set(specs.map((a) => a.id)))
  const perHousehold = config.world.generate?.agents_per_household
  const perWorkplaceHouseholds = config.world.generate?.households_per_workplace ?? 1
  const jobIds = params.jobs.map((j) => j.id)
  const homeFill = new Int32Array(params.homes.length)
  const workFill = new Int32Array(params.workplaces.length)
  const { needs_min, needs_max, wallet } = config.world.initial
  const draw = () => needs_min + (needs_max - needs_min) * nextFloat(state.rng.world)
  const stations = stationsByWorkplace(world)

  for (let n = 0; n < population; n++) {
    const spec = specs[n]
    const at = (...rest: (string | number)[]) => ['world', 'agents', n, ...rest]
    const i = state.agents.add(spec?.id ?? names[n - specs.length] ?? `agent_${n}`)
    // Read the columns after add(): growing the store replaces them.
    const a = state.agents.cols
    const home = spec?.home !== undefined ? params.homes.findIndex((h) => h.id === spec.home) : perHousehold ? Math.floor(n / perHousehold) : n % params.homes.length
    a.home[i] = home
    const homeArea = params.homes[home]
    const homeTile = homeArea ? nthFloorTile(world, homeArea, bump(homeFill, home)) : -1
    a.homeTile[i] = homeTile
    let tile = homeTile
    if (spec?.at) {
      const [x, y] = spec.at
      const t = y * params.map.width + x
      if (x >= params.map.width || y >= params.map.height || params.blocked[t] === 1) {
        problems.push({ path: at('at'), message: `agent "${spec.id}" starts at (${x}, ${y}), which is not an open floor tile: pick a floor tile ('.') on the map` })
      } else tile = t
    }
    if (tile < 0) {
      problems.push({ path: at(), message: `agent ${state.agents.ids[i]} has no floor tile to stand on at home: give its home some floor` })
      continue
    }
    a.x[i] = tile % params.map.width
    a.y[i] = Math.floor(tile / params.map.width)
    state.tileCount[tile] = (state.tileCount[tile] ?? 0) + 1
    const jobId = spec?.job !== undefined ? spec.job : jobIds.length > 0 ? jobIds[n % jobIds.length] : null
    const job = jobId == null ? -1 : jobIds.indexOf(jobId)
    a.job[i] = job
    if (job >= 0) {
      const fixed = params.jobs[job]?.workplace ?? -1
      const workplace = fixed >= 0 ? fixed : Math.floor(Math.max(home, 0) / perWorkplaceHouseholds) % Math.max(1, params.workplaces.length)
      a.workplace[i] = workplace
      a.workTile[i] = workTile(world, stations[workplace] ?? [], workplace, bump(workFill, workplace))
      if (a.workTile[i] < 0) problems.push({ path: ['jobs', jobId ?? ''], message: `workplace ${params.workplaces[workplace]?.id ?? '?'} has no open floor for its workers: give it floor or workstations` })
    }
    a.hunger[i] = spec?.needs?.hunger ?? draw()
    a.hygiene[i] = spec?.needs?.hygiene ?? draw()
    a.energy[i] = spec?.needs?.energy ?? draw()
    a.wallet[i] = spec?.wallet ?? wallet
  }
  return problems
}

/** The k-th open floor tile of an area (wrapping), so housemates spread out instead of stacking. */
export function nthFloorTile(world: World, area: Area, k: number): number {
  const tiles = floorTiles(world, area)
  return tiles.length === 0 ? -1 : (tiles[k % tiles.length] ?? -1)
}

/** The open floor tiles of an area, row by row (nthFloorTile hands them out in this order). */
export function floorTiles(world: World, area: Area): number[] {
  const { map, blocked } = world.params
  const out: number[] = []
  for (let y = area.y; y < area.y + area.h; y++) {
    for (let x = area.x; x < area.x + area.w; x++) if (blocked[y * map.width + x] === 0) out.push(y * map.width + x)
  }
  return out
}

/** Usable workstations per workplace, in map order. */
export function stationsByWorkplace(world: World): number[][] {
  const objects = world.state.objects
  const out: number[][] = world.params.workplaces.map(() => [])
  for (let o = 0; o < objects.count; o++) {
    const w = objects.workplace[o] ?? -1
    if (w >= 0 && objects.types[o] === 'workstation' && (objects.useTiles[o]?.length ?? 0) > 0) out[w]?.push(o)
  }
  return out
}

/** Where the k-th worker of a workplace stands: beside the (k mod n)-th workstation, else on its floor. */
export function workTile(world: World, stations: readonly number[], workplace: number, k: number): number {
  const area = world.params.workplaces[workplace]
  if (!area) return -1
  const objects = world.state.objects
  if (stations.length === 0) return nthFloorTile(world, area, k)
  const station = stations[k % stations.length] ?? 0
  const uses = objects.useTiles[station] ?? []
  return uses[Math.floor(k / stations.length) % uses.length] ?? -1
}

/** Post-increment a counter column: the value before. */
function bump(counts: Int32Array, k: number): number {
  const v = counts[k] ?? 0
  counts[k] = v + 1
  return v
}
