/**
 * Running affordances: start (preconditions, before hooks, cost, stock), progress, completion
 * (effects, after hooks, handover) and abort (fail hooks, refund). One affordance at a time per
 * object; the object's holder is the one using it.
 */
import { evaluatePrecondition } from '../affordances/precondition'
import { preconditionScope } from '../affordances/precondition-scope'
import { runHooks } from '../affordances/hooks'
import type { CompiledAffordance } from '../affordances/registry'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { Phase } from '../state/agent-store'
import { emit, type World } from '../state/world'
import { fail } from '../agents/intent'
import { recordConflict, releaseObject } from './queue-ops'

/** The affordance an agent's current option calls for at this object, if the registry has one. */
export function affordanceFor(world: World, agent: number, object: number): CompiledAffordance | undefined {
  const option = AGENT_OPTIONS[world.state.agents.cols.option[agent]!]!
  const type = world.state.objects.types[object]
  return world.registry.byOption.get(option)?.find((c) => c.spec.object_type === type)
}

/** Try to start; on refusal the holder lets go and the agent's option fails with the reason. */
export function startAffordance(world: World, o: number, i: number): boolean {
  const { state } = world
  const objects = state.objects
  const compiled = affordanceFor(world, i, o)
  const refuse = (reason: string, hookNames: CompiledAffordance['spec']['hooks']['fail'] = []) => {
    emit(state, 'affordance_fail', { agent_id: state.agents.ids[i]!, object_id: objects.ids[o]!, affordance_id: compiled?.spec.id ?? null, reason })
    runHooks(hookNames, { world, agent: i, object: o, affordanceId: compiled?.spec.id ?? '', reason })
    releaseObject(world, o, i, false)
    fail(world, i, reason)
    return false
  }
  if (!compiled) return refuse('no_affordance')
  const spec = compiled.spec
  if (compiled.preconditions.length > 0) {
    const scope = preconditionScope(world, i, o)
    for (const pre of compiled.preconditions) {
      if (!evaluatePrecondition(pre.expr, scope)) return refuse(`precondition failed: ${pre.source}`, spec.hooks.fail)
    }
  }
  const veto = runHooks(spec.hooks.before, { world, agent: i, object: o, affordanceId: spec.id })
  if (veto !== undefined) return refuse(veto, spec.hooks.fail)
  const stock = objects.stock[o]!
  for (const [key, amount] of Object.entries(spec.consumes)) {
    if ((stock[key] ?? 0) < amount) return refuse(`out of ${key}`, spec.hooks.fail)
  }
  for (const [key, amount] of Object.entries(spec.consumes)) stock[key] = (stock[key] ?? 0) - amount
  const cost = spec.cost ? state.prices[spec.cost] : 0
  state.agents.cols.wallet[i]! -= cost
  objects.charged[o] = cost
  objects.running[o] = compiled.index
  objects.remaining[o] = spec.duration
  state.agents.cols.phase[i] = Phase.using
  emit(state, 'affordance_start', { agent_id: state.agents.ids[i]!, object_id: objects.ids[o]!, affordance_id: spec.id, duration: spec.duration })
  return true
}

/** One tick of progress on every running affordance; completions apply effects and hand over. */
export function advanceAffordances(world: World): void {
  const objects = world.state.objects
  for (let o = 0; o < objects.count; o++) {
    if (objects.running[o]! < 0) continue
    if (--objects.remaining[o]! <= 0) completeAffordance(world, o)
  }
}

function completeAffordance(world: World, o: number): void {
  const { state } = world
  const objects = state.objects
  const compiled = world.registry.affordances[objects.running[o]!]
  const i = objects.holder[o]!
  objects.running[o] = -1
  objects.charged[o] = 0
  if (!compiled || i < 0) return
  const a = state.agents.cols
  const { effects } = compiled.spec
  for (const need of ['hunger', 'hygiene', 'energy'] as const) {
    const delta = effects[need]
    if (delta !== undefined) a[need][i] = Math.min(1, Math.max(0, a[need][i]! + delta))
  }
  if (effects.money !== undefined) a.wallet[i]! += effects.money
  runHooks(compiled.spec.hooks.after, { world, agent: i, object: o, affordanceId: compiled.spec.id })
  a.phase[i] = Phase.done
  emit(state, 'affordance_finish', { agent_id: state.agents.ids[i]!, object_id: objects.ids[o]!, affordance_id: compiled.spec.id })
  const waiting = objects.queue[o]!
  const rival = waiting[0]?.agent
  const queueLength = waiting.length
  releaseObject(world, o, i, true)
  if (rival !== undefined) recordConflict(world, o, i, objects.holder[o]! >= 0 ? objects.holder[o]! : rival, 'handover', queueLength)
}

/** Stop a running affordance early: stock and money come back, fail hooks run, the holder lets go. */
export function abortAffordance(world: World, o: number, reason: string): void {
  const { state } = world
  const objects = state.objects
  const compiled = world.registry.affordances[objects.running[o]!]
  const i = objects.holder[o]!
  if (objects.running[o]! < 0 || i < 0) return
  const stock = objects.stock[o]!
  for (const [key, amount] of Object.entries(compiled?.spec.consumes ?? {})) stock[key] = (stock[key] ?? 0) + amount
  state.agents.cols.wallet[i]! += objects.charged[o]!
  objects.running[o] = -1
  objects.charged[o] = 0
  emit(state, 'affordance_fail', { agent_id: state.agents.ids[i]!, object_id: objects.ids[o]!, affordance_id: compiled?.spec.id ?? null, reason })
  runHooks(compiled?.spec.hooks.fail ?? [], { world, agent: i, object: o, affordanceId: compiled?.spec.id ?? '', reason })
  releaseObject(world, o, i, false)
  fail(world, i, reason)
}
