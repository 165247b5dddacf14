/**
 * Operators name agents, objects, homes and jobs by id; the engine works with slots and indexes.
 * These resolve an id against the live world before anything is queued, so a misspelt id is
 * refused at once with the nearest existing one instead of failing at the tick boundary.
 */
import { didYouMean } from '../../shared/did-you-mean'
import { findAgent } from '../sim/state/agent-store'
import type { World } from '../sim/state/world'

export type Resolved = { ok: true; index: number } | { ok: false; code: 'console.not_found'; message: string }

function notFound(kind: string, id: string, known: readonly string[], listWith: string): Resolved {
  const hint = didYouMean(id, known)
  const fix = hint ? `did you mean "${hint}"?` : known.length === 0 ? `there are none` : `list them with ${listWith}`
  return { ok: false, code: 'console.not_found', message: `no ${kind} "${id}" in the town: ${fix}` }
}

/** Ids of the agents alive now, in slot order. */
export function livingAgentIds(world: World): string[] {
  const { agents } = world.state
  const out: string[] = []
  for (let i = 0; i < agents.count; i++) if (agents.cols.alive[i] === 1) out.push(agents.ids[i]!)
  return out
}

export function resolveAgent(world: World, id: string): Resolved {
  const slot = findAgent(world.state.agents, id)
  return slot >= 0 ? { ok: true, index: slot } : notFound('agent', id, livingAgentIds(world), 'telemetry_snapshot')
}

export function resolveObject(world: World, id: string): Resolved {
  const o = world.state.objects.ids.indexOf(id)
  return o >= 0 ? { ok: true, index: o } : notFound('object', id, world.state.objects.ids, 'debug_queues (objects in use) or the Overview')
}

export function resolveHome(world: World, id: string): Resolved {
  const ids = world.params.homes.map((h) => h.id)
  const h = ids.indexOf(id)
  return h >= 0 ? { ok: true, index: h } : notFound('home', id, ids, "the config's world.layout.homes")
}

export function resolveJob(world: World, id: string): Resolved {
  const ids = world.params.jobs.map((j) => j.id)
  const j = ids.indexOf(id)
  return j >= 0 ? { ok: true, index: j } : notFound('job', id, ids, "the config's jobs")
}

/** Why (x, y) is no place to stand, or undefined when it is open floor on the map. */
export function tileProblem(world: World, x: number, y: number): string | undefined {
  const { width, height } = world.params.map
  if (x >= width || y >= height) return `(${x}, ${y}) is off the ${width}×${height} map: pick x below ${width} and y below ${height}`
  if (world.params.blocked[y * width + x] === 1) return `(${x}, ${y}) is a wall or an object, not open floor: pick a '.' tile`
  return undefined
}
