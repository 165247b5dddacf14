/**
 * The world state as plain JSON: every column, object, queue, cooldown, counter and RNG stream
 * state, composed of each sub-state's own `xToJSON`. This is what `hash(state)` hashes and what
 * snapshots carry; `restoreWorld` (main/sim/snapshot/restore-world.ts) reads it back. The runtime
 * caches (paths, indexes) and the per-tile head count are left out because they are derived.
 * Changing this shape changes every state hash: keep it, or version the snapshot schema.
 */
import { lifecycleToJSON, type LifecycleJson } from '../lifecycle/lifecycle-json'
import { perturbationsToJSON, type PerturbationsJson } from '../perturbations/perturbations-json'
import { policyToJSON, type PolicyJson } from '../policy/policy-state'
import { rewardsToJSON, type RewardsJson } from '../rewards/rewards-json'
import { rngToJSON, type RngJson } from '../rng/rng-json'
import { societyToJSON, type SocietyJson } from '../society/society-json'
import { agentsToJSON, type AgentsJson } from '../state/agent-json'
import { objectsToJSON, type ObjectsJson } from '../state/object-json'
import type { World } from '../state/world'
import { worldScalarsToJSON, type WorldScalarsJson } from '../state/world-scalars-json'

// A type alias, not an interface, so it stays assignable to Record<string, unknown>.
export type WorldJson = WorldScalarsJson & {
  config_id: string
  /** Affordance ids in registry order: `objects.running` indexes them. */
  registry: string[]
  rng: RngJson
  agents: AgentsJson
  objects: ObjectsJson
  society: SocietyJson
  lifecycle: LifecycleJson
  perturbations: PerturbationsJson
  rewards: RewardsJson
  policy: PolicyJson
}

/** The top-level keys, in the order they are written. */
export const WORLD_JSON_KEYS = [
  'config_id', 'registry', 'tick', 'rng', 'agents', 'objects', 'prices', 'utilities', 'counters', 'totals',
  'society', 'lifecycle', 'perturbations', 'rewards', 'policy'
] as const

export function worldSnapshot(world: World): WorldJson {
  const { state } = world
  const { tick, prices, utilities, counters, totals } = worldScalarsToJSON(state)
  return {
    config_id: world.params.configId,
    registry: world.registry.affordances.map((c) => c.spec.id),
    tick,
    rng: rngToJSON(state.rng),
    agents: agentsToJSON(state.agents),
    objects: objectsToJSON(state.objects),
    prices,
    utilities,
    counters,
    totals,
    society: societyToJSON(state.society),
    lifecycle: lifecycleToJSON(state.lifecycle),
    perturbations: perturbationsToJSON(state.perturbations),
    rewards: rewardsToJSON(state.rewards),
    policy: policyToJSON(state.policy)
  }
}
