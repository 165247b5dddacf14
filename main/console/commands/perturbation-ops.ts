/**
 * Commands that put shocks on the town or take them off: `perturbation_trigger` (a config spec,
 * now or later), `perturbation_cancel` (pending or active) and `arrange_meet` (gather agents at an
 * object). Each resolves names against the live world first, so a misspelt spec, agent or object
 * is refused at once with the nearest name; the engine applies them at the next tick boundary.
 */
import { z } from 'zod'
import { didYouMean } from '../../../shared/did-you-mean'
import { ownValue } from '../../../shared/own-key'
import { overrideProblem } from '../../config/sections/perturbations'
import type { World } from '../../sim/state/world'
import { defineCommand, queue, refuse, type CommandOutcome } from '../command'
import { resolveAgent } from '../resolve-ids'
import { idArg } from './arg-types'

const durationArg = (help: string) => z.number().int().min(1).max(1_000_000).describe(help)

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
export const perturbationTriggerCommand = defineCommand({
  name: 'perturbation_trigger',
  role: 'admin',
  destructive: false,
  help: "Start a perturbation spec from the config now or in starts_in ticks, optionally overriding its duration, magnitude or targets (it ignores the random caps).",
  args: z
    .object({
      spec: idArg('a spec name from the config\'s perturbations.events, e.g. "blackout"'),
      starts_in: z.number().int().min(0).max(1_000_000).optional().describe('ticks from the next tick boundary (default 0: then)'),
      duration: durationArg("ticks it lasts (default: drawn from the spec's range)").optional(),
      magnitude: z.number().positive().max(100).optional().describe("price spikes: the factor (default: drawn from the spec's range)"),
      targets: z.array(idArg('a target')).min(1).max(64).optional().describe('price spikes: economy keys or "market"; meets: agent ids (default: the spec\'s, or drawn participants)')
    })
    .strict(),
  run({ world }, args) {
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
})

/** `perturbation_cancel {event_id}` (admin, destructive). */
export const perturbationCancelCommand = defineCommand({
  name: 'perturbation_cancel',
  role: 'admin',
  destructive: true,
  help: 'Cancel a pending perturbation, or end an active one now (prices and utilities return to their baseline).',
  args: z.object({ event_id: idArg('the event\'s id, e.g. "evt_3" (see perturbation_queue)') }).strict(),
  run({ world }, args) {
    const p = world.state.perturbations
    const known = [...p.pending, ...p.active.filter((e) => !e.cancelled)].map((e) => e.id)
    if (!known.includes(args.event_id)) return notFound('pending or active event', args.event_id, known, 'perturbation_queue')
    return queue({ op: 'perturbation_cancel', event_id: args.event_id })
  }
})

/** `arrange_meet {agents, location, duration?}` (admin). */
export const arrangeMeetCommand = defineCommand({
  name: 'arrange_meet',
  role: 'admin',
  destructive: false,
  help: 'Gather agents at an object: each is moved to a free tile near it and drops what it was doing.',
  args: z
    .object({
      agents: z.array(idArg('an agent id')).min(2).max(64).describe('the agents to gather (at least 2)'),
      location: idArg('an object id ("stove_1") or type ("stove": the one nearest the first agent)'),
      duration: durationArg('ticks the meeting lasts (default 30)').optional()
    })
    .strict(),
  run({ world }, args) {
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
})
