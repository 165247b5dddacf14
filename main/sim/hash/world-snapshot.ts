/**
 * The world state as plain JSON: every column, object, queue, cooldown, counter and RNG stream
 * state. This is what `hash(state)` hashes (and what snapshots will carry); the runtime caches
 * (paths, indexes) are left out because they are derived.
 */
import { lifecycleSnapshot } from '../lifecycle/lifecycle-state'
import { perturbationsSnapshot } from '../perturbations/perturbations-state'
import { policySnapshot } from '../policy/policy-state'
import { rewardsSnapshot } from '../rewards/rewards-state'
import { streamsState } from '../rng/rng-streams'
import { societySnapshot } from '../society/society-state'
import type { World } from '../state/world'

export function worldSnapshot(world: World): Record<string, unknown> {
  const { state } = world
  const agents = state.agents
  const n = agents.count
  const columns: Record<string, number[]> = {}
  for (const [key, column] of Object.entries(agents.cols)) columns[key] = Array.from(column.subarray(0, n))
  const objects = state.objects
  return {
    config_id: world.params.configId,
    registry: world.registry.affordances.map((c) => c.spec.id),
    tick: state.tick,
    rng: streamsState(state.rng),
    agents: {
      ids: agents.ids.slice(0, n),
      columns,
      paths: agents.paths.slice(0, n).map((p) => (p ? Array.from(p) : null)),
      fail_reason: agents.failReason.slice(0, n),
      attendance_samples: agents.attendanceSamples.slice(0, n)
    },
    objects: {
      ids: objects.ids,
      stock: objects.stock,
      holder: Array.from(objects.holder),
      stall: Array.from(objects.stall),
      queue: objects.queue.map((q) => q.map((e) => [e.agent, e.joined])),
      cooldowns: objects.cooldowns.map((m) => [...m.entries()].sort((x, y) => x[0] - y[0])),
      running: Array.from(objects.running),
      remaining: Array.from(objects.remaining),
      charged: Array.from(objects.charged)
    },
    prices: state.prices,
    utilities: state.utilities,
    counters: state.counters,
    totals: state.totals,
    society: societySnapshot(state.society),
    lifecycle: lifecycleSnapshot(state.lifecycle),
    perturbations: perturbationsSnapshot(state.perturbations),
    rewards: rewardsSnapshot(state.rewards),
    policy: policySnapshot(state.policy)
  }
}
