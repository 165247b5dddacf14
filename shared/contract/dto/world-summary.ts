import { z } from 'zod'

const count = z.number().int().nonnegative()
const unit = z.number().min(0).max(1)

/** The options an agent can be carrying out; the scripted controller and (later) learned policies choose among them. */
export const AGENT_OPTIONS = ['idle', 'eat', 'cook', 'shower', 'sleep', 'work', 'socialise'] as const
export const AgentOptionSchema = z.enum(AGENT_OPTIONS)
export type AgentOption = z.infer<typeof AgentOptionSchema>

/**
 * Live statistics of the town, computed by the shard for every frame. Means are over living
 * agents (0 when there are none); money is in the economy's units.
 */
export const WorldSummarySchema = z.object({
  agents: count,
  /** Day number (0-based) and time of day "HH:MM" from the tick and `world.ticks_per_day`. */
  day: count,
  clock: z.string().regex(/^\d\d:\d\d$/),
  needs: z.object({ hunger: unit, hygiene: unit, energy: unit }),
  wallet: z.object({ mean: z.number(), min: z.number(), max: z.number(), total: z.number() }),
  employment: z.object({
    employed: count,
    /** At the workplace during their shift right now. */
    on_shift: count,
    /** Late or absent for the current shift right now. */
    late: count,
    /** Mean attendance ratio over finished shifts (0 before any shift ended). */
    attendance: unit
  }),
  /** How many agents are carrying out each option right now. */
  activity: z.object(Object.fromEntries(AGENT_OPTIONS.map((o) => [o, count])) as Record<AgentOption, typeof count>),
  objects: z.object({ total: count, in_use: count, queued: count }),
  utilities: z.object({ power: z.boolean(), water: z.boolean() }),
  /** Cumulative since the world began. */
  totals: z.object({ meals: count, showers: count, sleeps: count, shifts_late: count })
})
export type WorldSummary = z.infer<typeof WorldSummarySchema>

/** The summary of a world with no agents and no objects (before a config loads, or an empty town). */
export function emptyWorldSummary(): WorldSummary {
  return {
    agents: 0,
    day: 0,
    clock: '00:00',
    needs: { hunger: 0, hygiene: 0, energy: 0 },
    wallet: { mean: 0, min: 0, max: 0, total: 0 },
    employment: { employed: 0, on_shift: 0, late: 0, attendance: 0 },
    activity: { idle: 0, eat: 0, cook: 0, shower: 0, sleep: 0, work: 0, socialise: 0 },
    objects: { total: 0, in_use: 0, queued: 0 },
    utilities: { power: true, water: true },
    totals: { meals: 0, showers: 0, sleeps: 0, shifts_late: 0 }
  }
}
