/**
 * Commands that put shocks on the town or take them off: `perturbation_queue` (what the
 * scheduler holds), `perturbation_trigger` (a config spec, now or later), `perturbation_cancel`
 * (pending or active) and `arrange_meet` (gather agents at an object).
 */
import { z } from 'zod'
import { durationArg, idArg } from './arg-types'
import { defineDescriptor } from './descriptor'

export const perturbationQueueDescriptor = defineDescriptor({
  name: 'perturbation_queue',
  role: 'viewer',
  destructive: false,
  help: 'Active and pending perturbations, running cooldowns, the window against its caps, price and utility baselines, and the specs defined.',
  args: z.object({}).strict()
})

export const perturbationTriggerDescriptor = defineDescriptor({
  name: 'perturbation_trigger',
  role: 'admin',
  destructive: false,
  help: 'Start a perturbation spec from the config now or in starts_in ticks, optionally overriding its duration, magnitude or targets (it ignores the random caps).',
  args: z
    .object({
      spec: idArg('a spec name from the config\'s perturbations.events, e.g. "blackout"'),
      starts_in: z.number().int().min(0).max(1_000_000).optional().describe('ticks from the next tick boundary (default 0: then)'),
      duration: durationArg("ticks it lasts (default: drawn from the spec's range)").optional(),
      magnitude: z.number().positive().max(100).optional().describe("price spikes: the factor (default: drawn from the spec's range)"),
      targets: z.array(idArg('a target')).min(1).max(64).optional().describe('price spikes: economy keys or "market"; meets: agent ids (default: the spec\'s, or drawn participants)')
    })
    .strict()
})

export const perturbationCancelDescriptor = defineDescriptor({
  name: 'perturbation_cancel',
  role: 'admin',
  destructive: true,
  help: 'Cancel a pending perturbation, or end an active one now (prices and utilities return to their baseline).',
  args: z.object({ event_id: idArg('the event\'s id, e.g. "evt_3" (see perturbation_queue)') }).strict()
})

export const arrangeMeetDescriptor = defineDescriptor({
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
    .strict()
})
