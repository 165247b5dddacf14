/**
 * Legacy agents onto the target town, matched by id. An agent the town has takes the document's
 * needs, wallet, position, job, shift fields and counters; one it lacks joins through the
 * engine's own `spawn` path (a home with room, the job named or the next in turn), so every
 * per-agent array stays sized to the agent count; one the document lacks keeps the town's
 * defaults. Personalities come after, once the society's arrays cover every slot.
 *
 * One spawner serves the whole import: it counts the town's homes and workplaces once and keeps
 * the counts as agents join or change workplace, where a spawn at a time would recount the town
 * for every agent (10,000 added agents took seconds).
 */
import { Spawner } from '../../sim/agents/spawn-agents'
import { findAgent } from '../../sim/state/agent-store'
import { clamp, type ImportContext } from './import-context'
import { importShift } from './import-shift'
import { LEGACY_MAX_AGENTS, type LegacyAgent } from './legacy-schema'
import { placeNear, reachableTiles, type PlaceOutcome } from './place-on-map'

const NEEDS = ['hunger', 'hygiene', 'energy'] as const
/** Legacy inventory counters with a column here; wages_earned counted paid ticks, ours is money. */
const COUNTERS = { meals_consumed: 'mealsEaten', meals_cooked: 'mealsCooked', showers_taken: 'showers', sleep_sessions: 'sleeps' } as const
/** Ids an added agent may take: what the console and the original's respawns (`alice#2`) use. */
const ADDED_ID = /^[A-Za-z0-9][A-Za-z0-9_#.:-]{0,63}$/
const I32_MAX = 2 ** 31 - 1

const PLACE_REASON: Record<Exclude<PlaceOutcome, 'kept'>, string> = {
  outside: 'outside the target map',
  blocked: 'on a wall or object tile of the target map',
  cut_off: 'on floor cut off from the town',
  full: 'on a tile already at tile_capacity'
}

export function importAgents(ctx: ImportContext): void {
  const { world, report } = ctx
  const agents = world.state.agents
  const reach = reachableTiles(world)
  const before = agents.count
  for (const legacy of ctx.state.agents) {
    let slot = findAgent(agents, legacy.agent_id)
    const added = slot < 0
    if (added) slot = addAgent(ctx, legacy, reach)
    if (slot < 0) continue
    ctx.slots.set(legacy.agent_id, slot)
    if (!added) {
      report.map('agents', 1, 'matched by id')
      place(ctx, slot, legacy, reach)
      importJob(ctx, slot, legacy)
    }
    importNeeds(ctx, slot, legacy)
    agents.cols.wallet[slot] = legacy.wallet
    report.map('agents.wallet')
    importCounters(ctx, slot, legacy)
    importShift(ctx, slot, legacy)
  }
  const missing: string[] = []
  for (let i = 0; i < before; i++) if (agents.cols.alive[i] === 1 && !ctx.slots.has(agents.ids[i]!)) missing.push(agents.ids[i]!)
  if (missing.length > 0) {
    report.keep('agents', "in the target town but not in the legacy document: the town's own agent, as built", missing.length)
    report.warn(`${missing.length} of the target's agents are not in the legacy document and keep their defaults (e.g. ${missing.slice(0, 5).join(', ')})`)
  }
}

/** An agent the town lacks joins it; -1 (dropped, reported) when it cannot. */
function addAgent(ctx: ImportContext, legacy: LegacyAgent, reach: Uint8Array): number {
  const { world, report } = ctx
  const id = legacy.agent_id
  if (!ADDED_ID.test(id)) {
    report.drop('agents', 'not in the target town, and its id is not one an agent here can take (letters, digits, _ # . : -)', id)
    return -1
  }
  if (world.state.agents.count >= LEGACY_MAX_AGENTS) {
    report.drop('agents', `not in the target town, which already holds the most agents a town may (${LEGACY_MAX_AGENTS})`, id)
    return -1
  }
  const [x, y] = legacy.position
  const placed = placeNear(world, reach, x, y)
  const job = legacy.job_id ?? undefined
  const knownJob = job !== undefined && world.params.jobs.some((j) => j.id === job)
  const needs = Object.fromEntries(NEEDS.filter((n) => legacy.needs[n] !== undefined).map((n) => [n, clamp(legacy.needs[n]!, 0, 1)]))
  const spawned = spawner(ctx).spawn({
    op: 'spawn',
    id,
    ...(placed.tile >= 0 ? { at: [placed.tile % world.params.map.width, Math.floor(placed.tile / world.params.map.width)] as [number, number] } : {}),
    ...(knownJob ? { job } : {}),
    needs,
    wallet: legacy.wallet
  })
  if (!spawned.ok) {
    report.drop('agents', 'not in the target town, and the town has no free tile for it', id)
    return -1
  }
  const slot = world.state.agents.count - 1
  report.map('agents', 1, 'not in the target town: added in the home with the most room, as a console spawn would')
  if (placed.outcome !== 'kept') report.map('agents.position', 1, `moved to the nearest open tile: the legacy position was ${PLACE_REASON[placed.outcome]}`)
  else report.map('agents.position')
  if (job !== undefined && !knownJob) {
    report.drop('agents.job_id', 'no such job in the target config: the agent took the next job in turn', id)
  } else if (job === undefined) {
    report.keep('agents.job_id', 'no job in the document: the agent took the next job in turn')
  } else report.map('agents.job_id')
  return slot
}

/** The agent moves to its legacy position, or the nearest usable tile; stays put when there is none. */
function place(ctx: ImportContext, slot: number, legacy: LegacyAgent, reach: Uint8Array): void {
  const { world, report } = ctx
  const a = world.state.agents.cols
  const width = world.params.map.width
  const here = a.y[slot]! * width + a.x[slot]!
  world.state.tileCount[here]!--
  const [x, y] = legacy.position
  const placed = placeNear(world, reach, x, y)
  const tile = placed.tile >= 0 ? placed.tile : here
  world.state.tileCount[tile]!++
  a.x[slot] = tile % width
  a.y[slot] = (tile - (tile % width)) / width
  if (placed.tile < 0) report.keep('agents.position', `the legacy position was ${PLACE_REASON[placed.outcome as Exclude<PlaceOutcome, 'kept'>]} and no open tile near it had room: the agent stays on its home tile`)
  else if (placed.outcome !== 'kept') report.map('agents.position', 1, `moved to the nearest open tile: the legacy position was ${PLACE_REASON[placed.outcome]}`)
  else report.map('agents.position')
}

function importNeeds(ctx: ImportContext, slot: number, legacy: LegacyAgent): void {
  const { report } = ctx
  const a = ctx.world.state.agents.cols
  for (const need of NEEDS) {
    const v = legacy.needs[need]
    if (v === undefined) {
      report.keep(`agents.needs.${need}`, "not in the document: the town's starting value")
      continue
    }
    a[need][slot] = clamp(v, 0, 1)
    report.map(`agents.needs.${need}`, 1, v < 0 || v > 1 ? 'clamped into [0, 1] (the range both engines use)' : undefined)
  }
  for (const key of Object.keys(legacy.needs)) {
    if (!(NEEDS as readonly string[]).includes(key)) report.drop('agents.needs', 'no such need here (hunger, hygiene and energy only)', key)
  }
}

/** The job by id: the workplace and work tile follow it when it differs from the town's choice. */
function importJob(ctx: ImportContext, slot: number, legacy: LegacyAgent): void {
  const { world, report } = ctx
  const a = world.state.agents.cols
  const jobId = legacy.job_id
  if (jobId == null) {
    report.keep('agents.job_id', "no job in the document (the original handed one out every tick): the town's assignment")
    return
  }
  const job = world.params.jobs.findIndex((j) => j.id === jobId)
  if (job < 0) {
    report.drop('agents.job_id', "no such job in the target config: the town's assignment stands", legacy.agent_id)
    return
  }
  report.map('agents.job_id', 1, 'by job id')
  if (a.job[slot] === job) return
  a.job[slot] = job
  const fixed = world.params.jobs[job]!.workplace
  // The next work tile in turn at the new workplace, as the town builder hands them out.
  spawner(ctx).reassign(slot, fixed >= 0 ? fixed : Math.max(0, a.workplace[slot]!))
}

function spawner(ctx: ImportContext): Spawner {
  ctx.spawner ??= new Spawner(ctx.world)
  return ctx.spawner
}

function importCounters(ctx: ImportContext, slot: number, legacy: LegacyAgent): void {
  const { report } = ctx
  const a = ctx.world.state.agents.cols
  for (const [key, value] of Object.entries(legacy.inventory ?? {})) {
    const column = Object.hasOwn(COUNTERS, key) ? COUNTERS[key as keyof typeof COUNTERS] : undefined
    if (column && typeof value === 'number' && Number.isFinite(value)) {
      a[column][slot] = clamp(Math.round(value), 0, I32_MAX)
      report.map(`agents.inventory.${key}`, 1, `→ ${column}`)
    } else if (key === 'wages_earned') {
      report.drop('agents.inventory', 'wages_earned counted paid ticks; ours counts money earned, which starts at 0', key)
    } else if (key.startsWith('_')) {
      report.drop('agents.inventory', "the original's internal records (keys starting with _)", key)
    } else {
      report.drop('agents.inventory', 'no counter for it here, or not a number', key)
    }
  }
}
