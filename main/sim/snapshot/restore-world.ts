/**
 * The inverse of `worldSnapshot`: a world whose state equals the saved one, built around a world
 * freshly made from the same config and registry (its parameters and map come from the config, so
 * only the state is read back). The saved data is a file's content: each sub-state's reader checks
 * its block (shape, lengths, finite numbers in range, slots that exist) and names the first
 * problems by JSON path. Nothing in `fresh` changes: the new state is built whole from copies,
 * with its own caches (path finder, object indexes) and a recounted per-tile head count, and only
 * then returned, so a failed restore leaves the caller's world as it was.
 *
 * The saved `config_id` and affordance ids must be `fresh`'s: a state of another config needs a
 * migration first (main/snapshots), and `objects.running` indexes the registry.
 */
import { lifecycleFromJSON } from '../lifecycle/lifecycle-json'
import { perturbationsFromJSON } from '../perturbations/perturbations-json'
import { policyFromJSON } from '../policy/policy-state'
import { rewardsFromJSON } from '../rewards/rewards-json'
import { rngFromJSON } from '../rng/rng-json'
import { societyFromJSON } from '../society/society-json'
import { WORLD_JSON_KEYS } from '../hash/world-snapshot'
import { agentBoundsOf, agentsFromJSON } from '../state/agent-json'
import { objectsFromJSON } from '../state/object-json'
import type { World, WorldState } from '../state/world'
import { tileCountOf, worldScalarsFromJSON } from '../state/world-scalars-json'
import { buildWorldCache } from '../town/world-cache'
import { objectWithKeys, Problems, type Parsed } from './json-problems'

/** The restored world, or the problems (JSON paths first) that stopped it. */
export type RestoreResult = { ok: true; world: World } | { ok: false; problems: string[] }

export function restoreWorld(fresh: World, json: unknown): RestoreResult {
  const p = new Problems()
  const o = objectWithKeys(p, '', json, WORLD_JSON_KEYS)
  if (!o) return { ok: false, problems: p.done() }
  identityProblems(p, fresh, o.config_id, o.registry)
  // A state of another town would only produce a wall of range errors: stop at the identity.
  if (p.any) return { ok: false, problems: p.done() }
  const { params } = fresh
  const take = <T>(parsed: Parsed<T>): T | null => {
    if (parsed.ok) return parsed.value
    p.addAll(parsed.problems)
    return null
  }
  const scalars = take(worldScalarsFromJSON({ tick: o.tick, prices: o.prices, utilities: o.utilities, counters: o.counters, totals: o.totals }))
  const rng = take(rngFromJSON(o.rng))
  const agents = take(agentsFromJSON(o.agents, agentBoundsOf(fresh)))
  if (!agents) return { ok: false, problems: p.done() }
  const n = agents.count
  const tiles = params.map.width * params.map.height
  const objects = take(objectsFromJSON(o.objects, fresh.state.objects, { agents: n, affordances: fresh.registry.affordances.length }))
  const society = take(societyFromJSON(o.society, { agents: n, objects: fresh.state.objects.count, config: params.config.society }))
  const lifecycle = take(lifecycleFromJSON(o.lifecycle, { agents: n, homes: params.homes.length, jobs: params.jobs.length, workplaces: params.workplaces.length, tiles }))
  const perturbations = take(perturbationsFromJSON(o.perturbations))
  const rewards = take(rewardsFromJSON(o.rewards, n))
  const policy = take(policyFromJSON(o.policy))
  const tileCount = tileCountOf(agents, params.map.width, params.map.height)
  if (!tileCount) p.add('agents.columns', 'more agents stand on one tile than a town can count')
  if (p.any || !scalars || !rng || !objects || !society || !lifecycle || !perturbations || !rewards || !policy || !tileCount) return { ok: false, problems: p.done() }
  const state: WorldState = { ...scalars, rng, agents, objects, tileCount, events: [], eventSlots: [], society, lifecycle, perturbations, rewards, policy }
  return { ok: true, world: { params, registry: fresh.registry, state, cache: buildWorldCache(params, objects) } }
}

function identityProblems(p: Problems, fresh: World, configId: unknown, registry: unknown): void {
  const want = fresh.params.configId
  if (typeof configId !== 'string') p.add('config_id', 'expected the config_id string the state was saved under')
  else if (configId !== want) p.add('config_id', `the state is of "${configId.slice(0, 80)}", this town is "${want}": load it with its own config, or migrate it to this one first`)
  const ids = fresh.registry.affordances.map((c) => c.spec.id)
  if (!Array.isArray(registry) || registry.length !== ids.length || registry.some((id, i) => id !== ids[i])) {
    const count = Array.isArray(registry) ? `${registry.length} affordances` : 'no affordance list'
    p.add('registry', `the state was saved with ${count} that differ from this town's ${ids.length} (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''}): load it with the affordance file it was saved with`)
  }
}
