/**
 * A new agent joins the town (console `spawn`): in the home named, or the one with the fewest
 * living residents; on the tile named or a free floor tile at home; with the job named (null for
 * none) or the next job in turn; needs default to 0.7, the wallet to the config's starting wallet.
 */
import type { OpOf, OpOutcome } from '../op-handler'
import { findAgent } from '../state/agent-store'
import { emit, type World } from '../state/world'
import { nthFloorTile, stationsByWorkplace, workTile } from '../town/place-agents'
import { enterTown } from './enter-leave'

const DEFAULT_NEED = 0.7

export function spawnAgent(world: World, op: OpOf<'spawn'>): OpOutcome {
  const { state, params } = world
  if (findAgent(state.agents, op.id) >= 0) return { ok: false, code: 'console.conflict', message: `an agent "${op.id}" already lives here: pick another id` }
  const residents = new Int32Array(params.homes.length)
  const workers = new Int32Array(params.workplaces.length)
  let living = 0
  for (let i = 0; i < state.agents.count; i++) {
    if (state.agents.cols.alive[i] !== 1) continue
    living++
    const h = state.agents.cols.home[i]!
    if (h >= 0) residents[h]!++
    const w = state.agents.cols.workplace[i]!
    if (w >= 0) workers[w]!++
  }
  let home = op.home === undefined ? -1 : params.homes.findIndex((h) => h.id === op.home)
  if (op.home !== undefined && home < 0) return { ok: false, code: 'console.invalid_args', message: `no home "${op.home}": use one of ${params.homes.slice(0, 5).map((h) => h.id).join(', ')}${params.homes.length > 5 ? ', …' : ''}` }
  if (home < 0) home = residents.indexOf(Math.min(...residents))
  const homeArea = params.homes[home]
  const homeTile = homeArea ? nthFloorTile(world, homeArea, residents[home] ?? 0) : -1
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
  const jobIndex = op.job === undefined ? (params.jobs.length > 0 ? living % params.jobs.length : -1) : op.job === null ? -1 : params.jobs.findIndex((j) => j.id === op.job)
  if (op.job != null && jobIndex < 0) return { ok: false, code: 'console.invalid_args', message: `no job "${op.job}": use one of ${params.jobs.map((j) => j.id).join(', ') || '(none defined)'} or null` }

  let workplace = -1
  let stand = -1
  if (jobIndex >= 0) {
    const fixed = params.jobs[jobIndex]!.workplace
    workplace = fixed >= 0 ? fixed : workers.indexOf(Math.min(...workers))
    stand = workTile(world, stationsByWorkplace(world)[workplace] ?? [], workplace, workers[workplace] ?? 0)
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
  const a = state.agents.cols
  emit(state, 'agent_spawned', { agent_id: op.id, x: a.x[i]!, y: a.y[i]!, home: homeArea?.id ?? null, job: params.jobs[jobIndex]?.id ?? null })
  return { ok: true, value: { agent_id: op.id, x: a.x[i]!, y: a.y[i]!, home: homeArea?.id ?? null, job: params.jobs[jobIndex]?.id ?? null } }
}
