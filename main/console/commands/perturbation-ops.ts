/**
 * The runs of the commands that put shocks on the town or take them off (descriptors:
 * shared/contract/console-commands/perturbation-commands.ts): `perturbation_trigger` (a config spec,
 * now or later), `perturbation_cancel` (pending or active) and `arrange_meet` (gather agents at an
 * object). Each resolves names against the live world first, so a misspelt spec, agent or object
 * is refused at once with the nearest name; the engine applies them at the next tick boundary.
 */
import { didYouMean } from '../../../shared/did-you-mean'
import { ownValue } from '../../../shared/own-key'
import { overrideProblem } from '../../config/sections/perturbations'
import type { World } from '../../sim/state/world'
import { queue, refuse, type CommandOutcome, type CommandRun } from '../command'
import { resolveAgent } from '../resolve-ids'

const notFound = (kind: string, name: string, known: readonly string[], listWith: string): CommandOutcome => {
  const hint = didYouMean(name, known)
  return refuse('console.not_found', `no ${kind} "${name}": ${hint ? `did you mean "${hint}"?` : known.length === 0 ? 'there are none' : `list them with ${listWith}`}`)
}

/** A duration longer than a day is refused as in the config (an event lasts at most one day). */
function durationProblem(world: World, duration: number | undefined): string | undefined {
  const tpd = world.params.clock.ticksPerDay
  return duration !== undefined && duration > tpd ? `duration: ${duration} ticks is longer than a day (${tpd} ticks): give at most ${tpd}` : undefined
}

/** Slots of the named agents, or the refusal for the first unknown one. */
function agentSlots(world: World, ids: readonly string[]): number[] | CommandOutcome {
  const slots: number[] = []
  for (const id of ids) {
    const r = resolveAgent(world, id)
    if (!r.ok) return refuse(r.code, r.message)
    if (!slots.includes(r.index)) slots.push(r.index)
  }
  return slots
}

/** `perturbation_trigger {spec, starts_in?, duration?, magnitude?, targets?}` (admin). */
export const perturbationTriggerRun: CommandRun<'perturbation_trigger'> = ({ world }, args) => {
  const specs = world.params.config.perturbations.events
  // Own keys only: spec "constructor" is not a config spec just because every object has one.
  const spec = ownValue(specs, args.spec)
  if (!spec) return notFound('perturbation spec', args.spec, Object.keys(specs), "the config's perturbations.events")
  const override = overrideProblem(spec, args)
  if (override) return refuse('console.invalid_args', `${override.key}: ${override.message}`)
  const tooLong = durationProblem(world, args.duration)
  if (tooLong) return refuse('console.invalid_args', tooLong)
  const op = { op: 'perturbation_trigger' as const, spec: args.spec, starts_in: args.starts_in ?? 0, ...(args.duration === undefined ? {} : { duration: args.duration }), ...(args.magnitude === undefined ? {} : { magnitude: args.magnitude }) }
  if (args.targets === undefined) return queue(op)
  if (spec.kind !== 'arranged_meet') return queue({ ...op, targets: [...args.targets] })
  const slots = agentSlots(world, args.targets)
  return Array.isArray(slots) ? queue({ ...op, agents: slots }) : slots
}

/** `perturbation_cancel {event_id}` (admin, destructive). */
export const perturbationCancelRun: CommandRun<'perturbation_cancel'> = ({ world }, args) => {
  const p = world.state.perturbations
  const known = [...p.pending, ...p.active.filter((e) => !e.cancelled)].map((e) => e.id)
  if (!known.includes(args.event_id)) return notFound('pending or active event', args.event_id, known, 'perturbation_queue')
  return queue({ op: 'perturbation_cancel', event_id: args.event_id })
}

/** `arrange_meet {agents, location, duration?}` (admin). */
export const arrangeMeetRun: CommandRun<'arrange_meet'> = ({ world }, args) => {
  const { objects } = world.state
  if (!objects.ids.includes(args.location) && !world.cache.objectsByType.has(args.location)) {
    return notFound('object or object type', args.location, [...objects.ids, ...world.cache.objectsByType.keys()], 'debug_queues or the Overview')
  }
  const dp = durationProblem(world, args.duration)
  if (dp) return refuse('console.invalid_args', dp)
  const slots = agentSlots(world, args.agents)
  if (!Array.isArray(slots)) return slots
  if (slots.length < 2) return refuse('console.invalid_args', 'agents: a meeting gathers at least 2 different agents')
  return queue({ op: 'arrange_meet', agents: slots, location: args.location, ...(args.duration === undefined ? {} : { duration: args.duration }) })
}
