/**
 * Newcomers join the town (console `spawn`, a legacy import): in the home named, or the one with
 * the fewest living residents (the first such); on the tile named or the next free floor tile at
 * home; with the job named (null for none) or the next job in turn; needs default to 0.7, the
 * wallet to the config's starting wallet.
 *
 * Choosing a home and a workplace needs the town's head counts. Counting them walks every agent,
 * which is fine for one console spawn and quadratic for an import of 10,000, so a `Spawner`
 * counts once and then keeps the counts as it adds agents: spawning a list through one spawner
 * gives exactly the world that spawning its entries one at a time gives (spawn-agents.test.ts
 * holds both ways to the same world JSON). The counts stay true while nothing but the spawner
 * adds agents, removes them or changes their home or workplace; `reassign` is the way to move a
 * worker meanwhile. Tile occupancy is read live, so moving agents between spawns is fine.
 */
import type { OpOf, OpOutcome } from '../op-handler'
import { findAgent } from '../state/agent-store'
import { emit, type World } from '../state/world'
import { floorTiles, stationsByWorkplace, workTile } from '../town/place-agents'
import { enterTown } from './enter-leave'

const DEFAULT_NEED = 0.7

export type SpawnOp = OpOf<'spawn'>

/** Spawn every op in order through one spawner: the same outcomes and world as one at a time. */
export function spawnAgents(world: World, ops: readonly SpawnOp[]): OpOutcome[] {
  const spawner = new Spawner(world)
  return ops.map((op) => spawner.spawn(op))
}

export class Spawner {
  private readonly residents: LowestMin
  /** Living agents per workplace. */
  private readonly workers: Int32Array
  private living = 0
  private readonly homeIndex: Map<string, number>
  private readonly homeFloor = new Map<number, number[]>()
  private readonly workFloor = new Map<number, number[]>()
  private stationLists: number[][] | null = null

  constructor(private readonly world: World) {
    const { state, params } = world
    const residents = new Int32Array(params.homes.length)
    this.workers = new Int32Array(params.workplaces.length)
    const a = state.agents.cols
    for (let i = 0; i < state.agents.count; i++) {
      if (a.alive[i] !== 1) continue
      this.living++
      const h = a.home[i]!
      if (h >= 0) residents[h]!++
      const w = a.workplace[i]!
      if (w >= 0) this.workers[w]!++
    }
    this.residents = new LowestMin(residents)
    // The first home of an id, as findIndex would find it.
    this.homeIndex = new Map()
    params.homes.forEach((h, k) => {
      if (!this.homeIndex.has(h.id)) this.homeIndex.set(h.id, k)
    })
  }

  /** One newcomer; refuses (changing nothing) when the id is taken or the place named does not fit. */
  spawn(op: SpawnOp): OpOutcome {
    const { world } = this
    const { state, params } = world
    if (findAgent(state.agents, op.id) >= 0) return { ok: false, code: 'console.conflict', message: `an agent "${op.id}" already lives here: pick another id` }
    let home = op.home === undefined ? -1 : (this.homeIndex.get(op.home) ?? -1)
    if (op.home !== undefined && home < 0) return { ok: false, code: 'console.invalid_args', message: `no home "${op.home}": use one of ${params.homes.slice(0, 5).map((h) => h.id).join(', ')}${params.homes.length > 5 ? ', …' : ''}` }
    if (home < 0) home = this.residents.lowest()
    const homeArea = params.homes[home]
    const homeTile = homeArea ? nth(this.floorOf(this.homeFloor, home, homeArea), this.residents.get(home)) : -1
    let tile = homeTile
    if (op.at) {
      const [x, y] = op.at
      tile = y * params.map.width + x
      if (x >= params.map.width || y >= params.map.height || params.blocked[tile] === 1) {
        return { ok: false, code: 'console.invalid_args', message: `(${x}, ${y}) is not an open floor tile: pick a '.' tile on the map` }
      }
    }
    if (tile < 0) return { ok: false, code: 'console.invalid_args', message: 'no open floor tile to put the agent on: name one with `at`' }
    if (state.tileCount[tile]! >= params.tileCapacity) return { ok: false, code: 'console.invalid_args', message: 'that tile is full (tile capacity): name another with `at`' }
    const jobIndex = op.job === undefined ? (params.jobs.length > 0 ? this.living % params.jobs.length : -1) : op.job === null ? -1 : params.jobs.findIndex((j) => j.id === op.job)
    if (op.job != null && jobIndex < 0) return { ok: false, code: 'console.invalid_args', message: `no job "${op.job}": use one of ${params.jobs.map((j) => j.id).join(', ') || '(none defined)'} or null` }

    let workplace = -1
    let stand = -1
    if (jobIndex >= 0) {
      const fixed = params.jobs[jobIndex]!.workplace
      workplace = fixed >= 0 ? fixed : lowestIndex(this.workers)
      stand = this.nextWorkTile(workplace)
    }
    const i = enterTown(world, {
      id: op.id,
      home,
      homeTile,
      tile,
      job: jobIndex,
      workplace,
      workTile: stand,
      needs: { hunger: op.needs?.hunger ?? DEFAULT_NEED, hygiene: op.needs?.hygiene ?? DEFAULT_NEED, energy: op.needs?.energy ?? DEFAULT_NEED },
      wallet: op.wallet ?? params.startingWallet
    })
    this.living++
    if (home >= 0 && home < params.homes.length) this.residents.bump(home)
    if (workplace >= 0 && workplace < this.workers.length) this.workers[workplace]!++
    const a = state.agents.cols
    const value = { agent_id: op.id, x: a.x[i]!, y: a.y[i]!, home: homeArea?.id ?? null, job: params.jobs[jobIndex]?.id ?? null }
    emit(state, 'agent_spawned', { ...value })
    return { ok: true, value }
  }

  /**
   * A living agent changes workplace (a legacy job that differs from the town's choice): it takes
   * the next work tile in turn there, as the town builder hands them out, and the head counts follow.
   */
  reassign(agent: number, workplace: number): void {
    const a = this.world.state.agents.cols
    const from = a.workplace[agent]!
    if (from >= 0 && from < this.workers.length) this.workers[from]!--
    a.workplace[agent] = workplace
    a.workTile[agent] = this.nextWorkTile(workplace)
    if (workplace >= 0 && workplace < this.workers.length) this.workers[workplace]!++
  }

  /** Where the next worker of `workplace` stands (workTile's rule, with the floor lists kept). */
  private nextWorkTile(workplace: number): number {
    this.stationLists ??= stationsByWorkplace(this.world)
    const stations = this.stationLists[workplace] ?? []
    const area = this.world.params.workplaces[workplace]
    const k = this.workers[workplace] ?? 0
    if (area && stations.length === 0) return nth(this.floorOf(this.workFloor, workplace, area), k)
    return workTile(this.world, stations, workplace, k)
  }

  private floorOf(cache: Map<number, number[]>, key: number, area: Parameters<typeof floorTiles>[1]): number[] {
    let tiles = cache.get(key)
    if (!tiles) {
      tiles = floorTiles(this.world, area)
      cache.set(key, tiles)
    }
    return tiles
  }
}

/** The k-th tile of a list, wrapping (nthFloorTile's rule); -1 for none. */
function nth(tiles: readonly number[], k: number): number {
  return tiles.length === 0 ? -1 : (tiles[k % tiles.length] ?? -1)
}

/** The first index holding the smallest value; -1 for an empty list (indexOf(Math.min(...)) of none). */
function lowestIndex(values: Int32Array): number {
  let best = -1
  for (let k = 0; k < values.length; k++) if (best < 0 || values[k]! < values[best]!) best = k
  return best
}

/**
 * Counts with "the first index holding the smallest count" in O(log n) per change: a tournament
 * tree whose every node keeps the winner of its two children (lower count, then lower index). A
 * town of 10,000 has 2,500 homes; a linear scan per spawn would be 25 million steps.
 */
class LowestMin {
  private readonly size: number
  private readonly tree: Int32Array

  constructor(private readonly counts: Int32Array) {
    let size = 1
    while (size < counts.length) size *= 2
    this.size = size
    this.tree = new Int32Array(2 * size).fill(-1)
    for (let k = 0; k < counts.length; k++) this.tree[size + k] = k
    for (let n = size - 1; n >= 1; n--) this.tree[n] = this.better(this.tree[2 * n]!, this.tree[2 * n + 1]!)
  }

  get(k: number): number {
    return this.counts[k] ?? 0
  }

  /** The first index with the smallest count, or -1 when there are none. */
  lowest(): number {
    return this.counts.length === 0 ? -1 : this.tree[1]!
  }

  bump(k: number): void {
    this.counts[k]!++
    for (let n = (this.size + k) >> 1; n >= 1; n >>= 1) this.tree[n] = this.better(this.tree[2 * n]!, this.tree[2 * n + 1]!)
  }

  private better(l: number, r: number): number {
    if (l < 0) return r
    if (r < 0) return l
    return this.counts[r]! < this.counts[l]! ? r : l
  }
}
