/**
 * Replacements arrive: every ticket that is due becomes a new agent in a new slot (slots are never
 * reused) named `<origin>#<n>`, in the leaver's home and on its home tile (or the next tile there
 * with room), with a new job (the next one in config order, or drawn), fresh needs drawn like a
 * generated agent's from `world.initial` (the `world` stream) and the starting wallet. A ticket
 * whose home has no tile with room waits for the next tick rather than overfilling a tile.
 */
import { enterTown } from '../agents/enter-leave'
import { nextFloat, nextInt } from '../rng/rng-streams'
import { emit, type World } from '../state/world'
import { stationsByWorkplace, workTile } from '../town/place-agents'
import { runSpawnHooks } from './lifecycle-hooks'
import type { RespawnTicket } from './lifecycle-state'

export function runRespawns(world: World): void {
  const life = world.state.lifecycle
  if (life.respawns.length === 0) return
  const waiting: RespawnTicket[] = []
  for (const ticket of life.respawns) {
    if (ticket.due > world.state.tick || !respawn(world, ticket)) waiting.push(ticket)
  }
  life.respawns = waiting
}

/** Place the replacement; false when its home has no room yet. */
function respawn(world: World, ticket: RespawnTicket): boolean {
  const { state, params } = world
  const config = params.config.lifecycle
  const tile = standingTile(world, ticket)
  if (tile < 0) return false
  const job = nextJob(world, ticket.job)
  const workplace = job < 0 ? -1 : workplaceFor(world, job, ticket.workplace)
  // Count the workplace's staff before adding the newcomer: its work tile is the next in turn.
  const staff = workplace < 0 ? 0 : workersAt(world, workplace)
  const id = nextId(world, ticket.origin)
  const { needs_min, needs_max } = params.config.world.initial
  const draw = () => needs_min + (needs_max - needs_min) * nextFloat(state.rng.world)
  // Drawn in this order (hunger, hygiene, energy) from the `world` stream, as a replay expects.
  const hunger = draw()
  const hygiene = draw()
  const energy = draw()
  const i = enterTown(world, {
    id,
    home: ticket.home,
    homeTile: ticket.home_tile,
    tile,
    job,
    workplace,
    workTile: workplace < 0 ? -1 : workTile(world, stationsByWorkplace(world)[workplace] ?? [], workplace, staff),
    needs: { hunger, hygiene, energy },
    wallet: params.startingWallet
  })
  const a = state.agents.cols
  state.lifecycle.totals.respawns++
  runSpawnHooks(config.spawn_hooks, { world, agent: i, ticket })
  emit(state, 'agent_respawn', {
    agent_id: id,
    original_agent_id: ticket.left,
    origin_agent_id: ticket.origin,
    home: params.homes[ticket.home]?.id ?? null,
    job_id: params.jobs[job]?.id ?? null,
    x: a.x[i]!,
    y: a.y[i]!
  }, { agent: i })
  return true
}

/** The leaver's home tile if it has room, else the first tile of its home that does; -1 when none has. */
function standingTile(world: World, ticket: RespawnTicket): number {
  const { state, params } = world
  const room = (t: number) => t >= 0 && state.tileCount[t]! < params.tileCapacity
  if (room(ticket.home_tile)) return ticket.home_tile
  const area = params.homes[ticket.home]
  if (!area) return room(ticket.tile) ? ticket.tile : -1
  for (let y = area.y; y < area.y + area.h; y++) {
    for (let x = area.x; x < area.x + area.w; x++) {
      const t = y * params.map.width + x
      if (params.blocked[t] === 0 && room(t)) return t
    }
  }
  return -1
}

function nextJob(world: World, previous: number): number {
  const jobs = world.params.jobs.length
  if (jobs === 0) return -1
  if (world.params.config.lifecycle.respawn_job === 'drawn') return nextInt(world.state.rng.world, jobs)
  return (previous + 1) % jobs
}

/** A job's own workplace; in a generated town (any workplace) the leaver's, which is its home's district. */
function workplaceFor(world: World, job: number, leaverWorkplace: number): number {
  const fixed = world.params.jobs[job]!.workplace
  if (fixed >= 0) return fixed
  if (leaverWorkplace >= 0) return leaverWorkplace
  return world.params.workplaces.length > 0 ? 0 : -1
}

function workersAt(world: World, workplace: number): number {
  const a = world.state.agents.cols
  let n = 0
  for (let i = 0; i < world.state.agents.count; i++) if (a.alive[i] === 1 && a.workplace[i] === workplace && a.job[i]! >= 0) n++
  return n
}

/** `<origin>#<n>` with the next n never used by this origin (nor by any agent, living or gone). */
function nextId(world: World, origin: string): string {
  const counts = world.state.lifecycle.respawn_counts
  const ids = world.state.agents.ids
  let n = (counts[origin] ?? 0) + 1
  while (ids.includes(`${origin}#${n}`)) n++
  counts[origin] = n
  return `${origin}#${n}`
}
