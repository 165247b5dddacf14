/**
 * The inverse of `worldSnapshot`: a world whose state equals the saved one, built around a world
 * freshly made from the same config and registry (its parameters, map and caches are derived from
 * the config, so only the state is read back). The saved data is a file's content: every block is
 * checked (shape, lengths, finite numbers, slots in range) and the first problems are named by
 * JSON path. Nothing in `fresh` changes: the new state is built whole, then returned with fresh
 * caches, so a failed restore leaves the caller's world as it was.
 */
import { restoreLifecycleState } from '../lifecycle/lifecycle-state'
import { PathFinder } from '../map/path-finder'
import type { PerturbationsState } from '../perturbations/perturbations-state'
import { restoreRewardsState } from '../rewards/rewards-state'
import { streamsFromState } from '../rng/rng-streams'
import { societyFromSnapshot } from '../society/society-state'
import { AgentStore } from '../state/agent-store'
import type { ObjectStore } from '../state/object-store'
import type { JsonValue, World, WorldState } from '../state/world'
import { PerturbationsSnapshotSchema, WorldSnapshotSchema, type WorldSnapshotJson } from './world-snapshot-schema'

export type RestoreResult = { ok: true; world: World } | { ok: false; problems: string[] }

const MAX_PROBLEMS = 8

export function restoreWorld(fresh: World, json: unknown): RestoreResult {
  const parsed = WorldSnapshotSchema.safeParse(json)
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.slice(0, MAX_PROBLEMS).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) }
  const snap = parsed.data
  const problems = identityProblems(fresh, snap)
  if (problems.length > 0) return { ok: false, problems }
  try {
    const agents = restoreAgents(fresh, snap, problems)
    const objects = restoreObjects(fresh.state.objects, snap, agents.count, problems)
    const lifecycle = restoreLifecycleState(snap.lifecycle)
    if (!lifecycle.ok) problems.push(lifecycle.message)
    const perturbations = PerturbationsSnapshotSchema.safeParse(snap.perturbations)
    if (!perturbations.success) problems.push(...perturbations.error.issues.slice(0, 3).map((i) => `perturbations.${i.path.join('.')}: ${i.message}`))
    if (problems.length > 0 || !lifecycle.ok || !perturbations.success) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) }
    const rewards = restoreRewardsState(snap.rewards as JsonValue)
    const society = societyFromSnapshot(snap.society as JsonValue)
    if (society.agents !== agents.count && society.agents > agents.count) return { ok: false, problems: [`society.agents: ${society.agents} slots, but there are ${agents.count} agents`] }
    const { width, height } = fresh.params.map
    const tileCount = new Uint16Array(width * height)
    for (let i = 0; i < agents.count; i++) if (agents.cols.alive[i] === 1) tileCount[agents.cols.y[i]! * width + agents.cols.x[i]!]!++
    const state: WorldState = {
      tick: snap.tick,
      rng: streamsFromState(snap.rng),
      agents,
      objects,
      tileCount,
      prices: { ...snap.prices },
      utilities: { ...snap.utilities },
      counters: { ...snap.counters },
      totals: { ...snap.totals },
      events: [],
      society,
      lifecycle: lifecycle.state,
      perturbations: perturbations.data as PerturbationsState,
      rewards,
      policy: { anneal_ratio: snap.policy.anneal_ratio }
    }
    const cache = { ...fresh.cache, paths: new PathFinder(fresh.params.map, fresh.params.blocked) }
    return { ok: true, world: { params: fresh.params, registry: fresh.registry, state, cache } }
  } catch (e) {
    // The per-block restorers throw on data the schema let through (a bug or a hand-edited file).
    return { ok: false, problems: [e instanceof Error ? e.message.slice(0, 300) : 'the saved state does not fit this town'] }
  }
}

function identityProblems(fresh: World, snap: WorldSnapshotJson): string[] {
  const problems: string[] = []
  if (snap.config_id !== fresh.params.configId) problems.push(`config_id: the state is of "${snap.config_id.slice(0, 80)}", this town is "${fresh.params.configId}": migrate it first`)
  const registry = fresh.registry.affordances.map((c) => c.spec.id)
  if (snap.registry.length !== registry.length || snap.registry.some((id, i) => id !== registry[i])) {
    problems.push(`registry: the state was saved with ${snap.registry.length} affordances that differ from this town's ${registry.length}: load it with the affordance file it was saved with`)
  }
  return problems
}

function restoreAgents(fresh: World, snap: WorldSnapshotJson, problems: string[]): AgentStore {
  const { ids, columns } = snap.agents
  const n = ids.length
  const store = new AgentStore(Math.max(16, n))
  for (const id of ids) store.add(id)
  const cols = store.cols as unknown as Record<string, Float64Array | Int32Array>
  const expected = Object.keys(cols).sort()
  const given = Object.keys(columns).sort()
  if (expected.join() !== given.join()) {
    const missing = expected.filter((k) => !Object.hasOwn(columns, k))
    const extra = given.filter((k) => !Object.hasOwn(cols, k))
    problems.push(`agents.columns: ${missing.length > 0 ? `missing ${missing.slice(0, 5).join(', ')}` : ''}${missing.length > 0 && extra.length > 0 ? '; ' : ''}${extra.length > 0 ? `unknown ${extra.slice(0, 5).map((k) => `"${k.slice(0, 40)}"`).join(', ')}` : ''}`)
    return store
  }
  const tiles = fresh.params.map.width * fresh.params.map.height
  for (const key of expected) {
    const values = columns[key]!
    if (values.length !== n) {
      problems.push(`agents.columns.${key}: ${values.length} values for ${n} agents`)
      continue
    }
    const column = cols[key]!
    const integer = column instanceof Int32Array
    for (let i = 0; i < n; i++) {
      const v = values[i]!
      if (integer && !Number.isInteger(v)) {
        problems.push(`agents.columns.${key}[${i}]: ${v} is not an integer`)
        break
      }
      column[i] = v
    }
  }
  const { width, height } = fresh.params.map
  for (let i = 0; i < n && problems.length < MAX_PROBLEMS; i++) {
    const x = store.cols.x[i]!
    const y = store.cols.y[i]!
    if (x < 0 || y < 0 || x >= width || y >= height) problems.push(`agents.columns.x/y[${i}]: (${x}, ${y}) is off this ${width}×${height} map`)
  }
  for (const [name, list] of [['paths', snap.agents.paths], ['fail_reason', snap.agents.fail_reason], ['attendance_samples', snap.agents.attendance_samples]] as const) {
    if (list.length !== n) problems.push(`agents.${name}: ${list.length} entries for ${n} agents`)
  }
  snap.agents.paths.forEach((p, i) => {
    if (p && p.some((t) => t < 0 || t >= tiles)) problems.push(`agents.paths[${i}]: a tile outside the map`)
    store.paths[i] = p ? Int32Array.from(p) : null
  })
  snap.agents.fail_reason.forEach((r, i) => (store.failReason[i] = r))
  snap.agents.attendance_samples.forEach((s, i) => (store.attendanceSamples[i] = [...s]))
  return store
}

function restoreObjects(base: ObjectStore, snap: WorldSnapshotJson, agents: number, problems: string[]): ObjectStore {
  const o = snap.objects
  const n = base.count
  if (o.ids.length !== n || o.ids.some((id, i) => id !== base.ids[i])) {
    problems.push(`objects.ids: the saved objects (${o.ids.length}) are not this town's ${n}: the state belongs to another map`)
    return base
  }
  for (const [name, list] of Object.entries({ stock: o.stock, holder: o.holder, stall: o.stall, queue: o.queue, cooldowns: o.cooldowns, running: o.running, remaining: o.remaining, charged: o.charged })) {
    if (list.length !== n) problems.push(`objects.${name}: ${list.length} entries for ${n} objects`)
  }
  const slot = (v: number, at: string) => {
    if (v < -1 || v >= agents) problems.push(`${at}: agent slot ${v} is not one of the ${agents} agents`)
    return v
  }
  o.holder.forEach((h, i) => slot(h, `objects.holder[${i}]`))
  o.queue.forEach((q, i) => q.forEach(([a], k) => slot(a, `objects.queue[${i}][${k}]`)))
  o.cooldowns.forEach((c, i) => c.forEach(([a], k) => slot(a, `objects.cooldowns[${i}][${k}]`)))
  return {
    ...base,
    stock: o.stock.map((s) => ({ ...s })),
    holder: Int32Array.from(o.holder),
    stall: Int32Array.from(o.stall),
    queue: o.queue.map((q) => q.map(([agent, joined]) => ({ agent, joined }))),
    cooldowns: o.cooldowns.map((c) => new Map(c)),
    running: Int32Array.from(o.running),
    remaining: Int32Array.from(o.remaining),
    charged: Float64Array.from(o.charged)
  }
}
