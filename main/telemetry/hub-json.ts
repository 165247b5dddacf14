/**
 * The telemetry hub's saved state (what snapshots carry), validated on the way back in: a
 * snapshot is a file, so its telemetry block is checked like any other input, with every list and
 * string bounded (per-agent columns by the agent slots a town can have, windows by the ticks a
 * window can span) and each rolling window's rows as wide as it says.
 */
import { z } from 'zod'
import { MAX_ADD_WIDTH } from './rolling-window'

/** Agent slots a saved town may have (per-agent columns), and entries of any other list. */
const MAX_SLOTS = 1_000_000
const MAX_LIST = 1_000_000
const MAX_TEXT = 4096

const int = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER)
const finite = z.number().refine(Number.isFinite, 'must be a finite number')
const text = z.string().max(MAX_TEXT)
const column = z.array(int).max(MAX_SLOTS)
const window = z
  .object({ span: int.min(1), width: int.min(1).max(MAX_ADD_WIDTH), buckets: z.array(z.array(finite).max(MAX_ADD_WIDTH + 1)).max(MAX_LIST), sums: z.array(finite).max(MAX_ADD_WIDTH) })
  .superRefine((w, ctx) => {
    if (w.sums.length !== w.width) ctx.addIssue({ code: 'custom', path: ['sums'], message: `has ${w.sums.length} sums for a window ${w.width} wide` })
    w.buckets.forEach((b, k) => {
      if (b.length !== w.width + 1) ctx.addIssue({ code: 'custom', path: ['buckets', k], message: `holds ${b.length} numbers; a row is [tick, …${w.width} values]` })
      else if (k > 0 && w.buckets[k - 1]![0]! >= b[0]!) ctx.addIssue({ code: 'custom', path: ['buckets', k, 0], message: 'rows must be in ascending tick order' })
    })
  })
const counters = z.object({ cooldown_events: int, ghost_step_events: int, rotation_events: int })
const narration = z.object({ tick: int, category: text, priority: z.boolean(), text, agents: z.array(text).max(64) })

const queueEntry = z.object({ tick: int, delta: counters, totals: counters, conflicts: int.min(0), intensity: finite })
const rivalryEntry = z.discriminatedUnion('type', [
  z.object({ tick: int, type: z.literal('rivalry_changed'), agent_id: text, other: text, value: finite, delta: finite, reason: text }),
  z.object({ tick: int, type: z.literal('rivalry_avoidance'), agent_id: text, other: text, object_id: text })
])
/** The conflict caches (conflict-history.ts); each list holds at most telemetry.conflict_history_limit (≤ 4096) entries. */
const conflicts = z.object({
  queue: z.array(queueEntry).max(4096),
  rivalries: z.array(rivalryEntry).max(4096),
  possessed: z.array(text).max(4096),
  previous: counters.nullable()
})

export const TelemetryHubJsonSchema = z.object({
  schema_version: z.literal(1),
  /** The tick of the last observation (what a snapshot taken before the next one reports). */
  tick: int.min(0),
  /** The last observation's rewards summary, likewise. */
  rewards: z.object({ mean_total: finite, components: z.record(text, finite).refine((c) => Object.keys(c).length <= 64, 'at most 64 components'), agents: int.min(0) }),
  shifts: column,
  stability: z.object({
    starvation: z.object({ streak: column, incidents: window }),
    need_depleted: z
      .object({
        streak: z.array(int.min(0)).max(3 * MAX_SLOTS),
        depleted: z.array(z.object({ agent_id: text, need: z.enum(['hunger', 'hygiene', 'energy']), since_tick: int })).max(3 * MAX_SLOTS)
      })
      .optional(),
    lateness: window,
    option_thrash: z.object({ option: column, since: column, phase: column, alive: column, window }),
    reward_variance: window,
    queue_fairness: z.object({ previous: counters.nullable(), window }),
    rivalry: window,
    affordance_failures: window,
    promotion: z.object({
      start: int.nullable(),
      failures: z.array(z.tuple([text, text])).max(64),
      streak: int.min(0),
      history: z.array(z.object({ start_tick: int, end_tick: int, passed: z.boolean(), reasons: z.array(text).max(64) })).max(MAX_LIST)
    }),
    active: z.array(z.tuple([text, int, text])).max(64)
  }),
  kpis: z.object({
    first: int.nullable(),
    window,
    born: column,
    last: z.object({ tick: int, ticks_per_day: int.min(1), tenure: finite.nullable(), coverage: finite.nullable() })
  }),
  narrator: z.object({
    limiter: z.object({
      last_global: int.nullable(),
      last_by_category: z.record(text, int).refine((r) => Object.keys(r).length <= 256, 'at most 256 categories'),
      dedupe: z.record(text, int).refine((r) => Object.keys(r).length <= MAX_LIST, `at most ${MAX_LIST} keys`),
      window: z.array(int).max(MAX_LIST)
    }),
    recent: z.array(narration).max(MAX_LIST),
    unread: z.array(narration).max(MAX_LIST)
  }),
  /** Absent in hubs saved before the conflict caches existed: they restore empty. */
  conflicts: conflicts.optional()
})

export type TelemetryHubJson = z.infer<typeof TelemetryHubJsonSchema>
