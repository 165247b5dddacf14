/**
 * Which object an agent should use for an option: among the objects whose type has an affordance
 * for it, those the agent could start now (preconditions hold, stock suffices, not on cooldown,
 * not recently refused, and for private objects, in its own home), the nearest counting each
 * waiting agent as a few steps. Own home first, then public objects (and other homes' only when
 * the affordance is open to non-residents), so a 10,000-agent town never scans every fridge.
 */
import type { AgentOption } from '../../../shared/contract/dto/world-summary'
import { evaluatePrecondition } from '../../sim/affordances/precondition'
import { preconditionScope } from '../../sim/affordances/precondition-scope'
import type { CompiledAffordance } from '../../sim/affordances/registry'
import type { World } from '../../sim/state/world'

/** Each agent already waiting costs like this many extra steps. */
const QUEUE_STEP_COST = 6

export function chooseObject(world: World, i: number, option: AgentOption): number {
  const candidates = world.registry.byOption.get(option)
  if (!candidates || candidates.length === 0) return -1
  const home = world.state.agents.cols.home[i]!
  const atHome = bestOf(world, i, candidates, (type) => world.cache.objectsByHome[home]?.get(type) ?? [])
  if (atHome >= 0) return atHome
  // Other homes' objects only for affordances open to non-residents; usually just the public ones.
  return bestOf(world, i, candidates, (type, c) =>
    c.spec.hooks.before.includes('residents_only') ? (world.cache.publicObjectsByType.get(type) ?? []) : (world.cache.objectsByType.get(type) ?? [])
  )
}

function bestOf(world: World, i: number, candidates: readonly CompiledAffordance[], objectsOf: (type: string, c: CompiledAffordance) => readonly number[]): number {
  const { state } = world
  const a = state.agents.cols
  let best = -1
  let bestScore = Infinity
  for (const compiled of candidates) {
    for (const o of objectsOf(compiled.spec.object_type, compiled)) {
      const score = Math.abs(state.objects.x[o]! - a.x[i]!) + Math.abs(state.objects.y[o]! - a.y[i]!) + QUEUE_STEP_COST * state.objects.queue[o]!.length
      if (score >= bestScore || !usable(world, i, o, compiled)) continue
      best = o
      bestScore = score
    }
  }
  return best
}

/** Whether the agent could start this affordance at this object now, as far as it can tell. */
export function usable(world: World, i: number, o: number, compiled: CompiledAffordance): boolean {
  const { state } = world
  const a = state.agents.cols
  if (a.avoidObject[i] === o && state.tick < a.avoidUntil[i]!) return false
  const cooldown = state.objects.cooldowns[o]!.get(i)
  if (cooldown !== undefined && state.tick < cooldown) return false
  if (state.objects.useTiles[o]!.length === 0) return false
  const objectHome = state.objects.home[o]!
  if (objectHome >= 0 && objectHome !== a.home[i] && compiled.spec.hooks.before.includes('residents_only')) return false
  const stock = state.objects.stock[o]!
  for (const [key, amount] of Object.entries(compiled.spec.consumes)) if ((stock[key] ?? 0) < amount) return false
  if (compiled.preconditions.length === 0) return true
  const scope = preconditionScope(world, i, o)
  return compiled.preconditions.every((p) => evaluatePrecondition(p.expr, scope))
}
