/**
 * The telemetry hub's saved state (what snapshots carry), validated on the way back in: a
 * snapshot is a file, so its telemetry block is checked like any other input.
 */
import { z } from 'zod'

const int = z.number().int()
const finite = z.number().refine(Number.isFinite, 'must be a finite number')
const window = z.object({ span: int.min(1), width: int.min(1), buckets: z.array(z.array(finite)), sums: z.array(finite) })
const counters = z.object({ cooldown_events: int, ghost_step_events: int, rotation_events: int })
const narration = z.object({ tick: int, category: z.string(), priority: z.boolean(), text: z.string(), agents: z.array(z.string()) })

export const TelemetryHubJsonSchema = z.object({
  schema_version: z.literal(1),
  shifts: z.array(int),
  stability: z.object({
    starvation: z.object({ streak: z.array(int), incidents: window }),
    need_depleted: z
      .object({
        streak: z.array(int.min(0)),
        depleted: z.array(z.object({ agent_id: z.string(), need: z.enum(['hunger', 'hygiene', 'energy']), since_tick: int }))
      })
      .optional(),
    lateness: window,
    option_thrash: z.object({ option: z.array(int), since: z.array(int), phase: z.array(int), alive: z.array(int), window }),
    reward_variance: window,
    queue_fairness: z.object({ previous: counters.nullable(), window }),
    rivalry: window,
    affordance_failures: window,
    promotion: z.object({
      start: int.nullable(),
      failures: z.array(z.tuple([z.string(), z.string()])),
      streak: int.min(0),
      history: z.array(z.object({ start_tick: int, end_tick: int, passed: z.boolean(), reasons: z.array(z.string()) }))
    }),
    active: z.array(z.tuple([z.string(), int, z.string()]))
  }),
  kpis: z.object({
    first: int.nullable(),
    window,
    born: z.array(int),
    last: z.object({ tick: int, ticks_per_day: int.min(1), tenure: finite.nullable(), coverage: finite.nullable() })
  }),
  narrator: z.object({
    limiter: z.object({
      last_global: int.nullable(),
      last_by_category: z.record(z.string(), int),
      dedupe: z.record(z.string(), int),
      window: z.array(int)
    }),
    recent: z.array(narration),
    unread: z.array(narration)
  })
})

export type TelemetryHubJson = z.infer<typeof TelemetryHubJsonSchema>
