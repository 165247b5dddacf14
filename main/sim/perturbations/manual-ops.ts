/**
 * The console's perturbation operations, applied at the tick boundary (merged in console-ops.ts). They only
 * queue or mark: a trigger or meet becomes a pending event and a cancel marks an active one due,
 * and the scheduler starts and ends them moments later in the same tick. So a `price` command and
 * a trigger in one tick compose the same way whatever their order in the queue.
 * Triggered events ignore the random caps (the operator asked for them) but count against them.
 */
import { overrideProblem } from '../../config/sections/perturbations'
import { NOT_IN_TOWN, type OpHandlers, type OpOf, type OpOutcome } from '../op-handler'
import { emit, type World } from '../state/world'
import { addPending } from './perturbations-state'
import { specTable } from './spec-table'
import { DEFAULT_MEET_TICKS, nextEventId } from './start-event'


const invalid = (message: string): OpOutcome => ({ ok: false, code: 'console.invalid_args', message })

function livingIds(world: World, slots: readonly number[]): string[] | string {
  const { agents } = world.state
  const ids: string[] = []
  for (const slot of slots) {
    if (slot < 0 || slot >= agents.count || agents.cols.alive[slot] !== 1) return NOT_IN_TOWN(slot)
    ids.push(agents.ids[slot]!)
  }
  return ids
}

/** `perturbation_trigger`: queue a config spec to start now or `starts_in` ticks later, with overrides. */
export function triggerPerturbation(world: World, op: OpOf<'perturbation_trigger'>): OpOutcome {
  const compiled = specTable(world.params.config).byName.get(op.spec)
  if (!compiled) return { ok: false, code: 'console.not_found', message: `no perturbation spec "${op.spec}" in this config: list them with perturbation_queue` }
  const spec = compiled.spec
  let targets: string[] | undefined = op.targets
  if (op.agents) {
    const ids = livingIds(world, op.agents)
    if (typeof ids === 'string') return { ok: false, code: 'console.not_found', message: ids }
    targets = ids
  }
  const problem = overrideProblem(spec, { duration: op.duration, magnitude: op.magnitude, targets })
  if (problem) return invalid(`${problem.key}: ${problem.message}`)
  const p = world.state.perturbations
  const id = nextEventId(world)
  const startsAt = world.state.tick + (op.starts_in ?? 0)
  addPending(p, { id, spec: op.spec, kind: spec.kind, origin: 'console', starts_at: startsAt, duration: op.duration ?? null, magnitude: op.magnitude ?? null, targets: targets ?? null, location: null })
  return { ok: true, value: { event_id: id, spec: op.spec, kind: spec.kind, starts_at: startsAt } }
}

/** `arrange_meet`: queue an ad-hoc meeting (no spec) of living agents at an object id or type, starting now. */
export function arrangeMeet(world: World, op: OpOf<'arrange_meet'>): OpOutcome {
  const ids = livingIds(world, op.agents)
  if (typeof ids === 'string') return { ok: false, code: 'console.not_found', message: ids }
  if (new Set(ids).size < 2) return invalid('agents: a meeting gathers at least 2 different agents')
  const p = world.state.perturbations
  const id = nextEventId(world)
  const duration = op.duration ?? DEFAULT_MEET_TICKS
  addPending(p, { id, spec: null, kind: 'arranged_meet', origin: 'console', starts_at: world.state.tick, duration, magnitude: null, targets: ids, location: op.location })
  return { ok: true, value: { event_id: id, agents: ids, location: op.location, starts_at: world.state.tick, duration } }
}

/** `perturbation_cancel`: drop a pending event, or mark an active one due so the scheduler ends it this tick. */
export function cancelPerturbation(world: World, op: OpOf<'perturbation_cancel'>): OpOutcome {
  const { state } = world
  const p = state.perturbations
  const pending = p.pending.findIndex((e) => e.id === op.event_id)
  if (pending >= 0) {
    const [event] = p.pending.splice(pending, 1)
    emit(state, 'perturbation_cancelled', { event_id: event!.id, spec: event!.spec, pending: true })
    return { ok: true, value: { event_id: event!.id, spec: event!.spec, was: 'pending' } }
  }
  const active = p.active.find((e) => e.id === op.event_id)
  if (!active) {
    const known = [...p.pending, ...p.active].map((e) => e.id)
    return { ok: false, code: 'console.not_found', message: `no pending or active event "${op.event_id}"${known.length ? ` (now: ${known.join(', ')})` : ' (none now)'}: list them with perturbation_queue` }
  }
  if (active.cancelled) return { ok: false, code: 'console.conflict', message: `event "${active.id}" is already cancelled and ends this tick` }
  active.cancelled = true
  // Due now: the scheduler ends it later in this tick, restoring prices and utilities as at any end.
  active.ends_at = state.tick
  emit(state, 'perturbation_cancelled', { event_id: active.id, spec: active.spec, pending: false })
  return { ok: true, value: { event_id: active.id, spec: active.spec, was: 'active' } }
}

export const perturbationOps: OpHandlers<'perturbation_trigger' | 'perturbation_cancel' | 'arrange_meet'> = {
  perturbation_trigger: triggerPerturbation,
  perturbation_cancel: cancelPerturbation,
  arrange_meet: arrangeMeet
}
