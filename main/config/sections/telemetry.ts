import { z } from 'zod'
import { DispatchBlockSchema } from './telemetry-dispatch'

/**
 * Stability monitor, promotion windows and KPIs (`stability`) and narration throttling
 * (`narration`), read by main/telemetry. Windows are in ticks (one a minute by default); each
 * analyzer raises a named alert while its rolling window breaks its threshold.
 */
const ticks = (max = 100_000) => z.number().int().min(1).max(max)
const count = (max = 100_000) => z.number().int().min(0).max(max)
const ratio = z.number().min(0).max(1)

/** Alert names the monitor raises, so `allowed_alerts` can be checked for typos. */
export const ALERT_NAMES = [
  'starvation_spike',
  'need_depleted',
  'lateness_spike',
  'option_thrash_detected',
  'reward_variance_spike',
  'queue_fairness_pressure',
  'rivalry_spike',
  'affordance_failures_exceeded'
] as const
export type AlertName = (typeof ALERT_NAMES)[number]

export const StarvationSchema = z
  .object({
    window_ticks: ticks().default(1440),
    /** Hunger at or below this counts as starving. */
    hunger_threshold: ratio.default(0.05),
    /** Starving this many ticks in a row is one incident. */
    min_duration_ticks: ticks(10_000).default(30),
    /** More incidents than this in the window raise `starvation_spike` (0: any incident). */
    max_incidents: count(10_000).default(0)
  })
  .strict()

export const NeedDepletedSchema = z
  .object({
    /** A need (hunger, hygiene, energy) at or below this is depleted; needs never decay below 0. */
    at_or_below: ratio.default(0),
    /**
     * Depleted this many ticks in a row raises `need_depleted`, naming the agents and needs, for
     * as long as any stays depleted. Half an hour at a tick a minute: long enough that an agent
     * on its way to bed is not flagged, short enough that one stuck at 0 % is seen the same hour.
     */
    min_duration_ticks: ticks(10_000).default(30)
  })
  .strict()

export const LatenessSchema = z
  .object({
    window_ticks: ticks().default(1440),
    /**
     * Late flags per shift started, above which `lateness_spike` is raised. The seeds' bar is
     * "at most twice the baseline"; the scripted policy runs 20–40 % late in the default town.
     */
    max_rate: ratio.default(0.5),
    /** Fewer shift starts than this in the window say nothing yet. */
    min_shifts: count(10_000).default(4)
  })
  .strict()

export const OptionThrashSchema = z
  .object({
    window_ticks: ticks().default(600),
    /** A decision replacing an option taken fewer than this many ticks ago is a switch. */
    min_hold_ticks: ticks(10_000).default(15),
    /** Switches per decision above which `option_thrash_detected` is raised. */
    max_switch_rate: ratio.default(0.25),
    min_samples: count(100_000).default(10)
  })
  .strict()

export const RewardVarianceSchema = z
  .object({
    window_ticks: ticks().default(1440),
    max_variance: z.number().min(0).max(1000).default(0.25),
    min_samples: count(10_000_000).default(20)
  })
  .strict()

export const QueuePressureSchema = z
  .object({
    window_ticks: ticks().default(60),
    /** Ghost steps (stalled holders evicted) in the window at or above which `queue_fairness_pressure` is raised. */
    max_ghost_steps: count().default(5),
    max_rotations: count().default(10)
  })
  .strict()

export const RivalrySpikeSchema = z
  .object({
    window_ticks: ticks().default(60),
    /** A `rivalry_changed` event whose value reaches this counts toward a spike. */
    value_threshold: ratio.default(0.7),
    max_events: count().default(5)
  })
  .strict()

export const AffordanceFailuresSchema = z
  .object({
    window_ticks: ticks().default(60),
    /** More `affordance_fail` events than this in the window raise `affordance_failures_exceeded`. */
    max_failures: count().default(20)
  })
  .strict()

export const PromotionSchema = z
  .object({
    window_ticks: ticks().default(1440),
    /** Consecutive passing windows that make the candidate ready. */
    required_passes: z.number().int().min(1).max(10).default(2),
    /** Alerts that do not fail a window. */
    allowed_alerts: z.array(z.enum(ALERT_NAMES)).default([]),
    /** Closed windows kept for the panel. */
    history: z.number().int().min(1).max(100).default(10)
  })
  .strict()

/** The charter's KPI targets (seeds: self-sufficiency ≥ 70 %, tenure ≥ 3 days, relationship coverage ≥ 60 %). */
export const KpiSchema = z
  .object({
    window_ticks: ticks().default(1440),
    /** An agent-tick counts as self-sufficient when every need is at or above this. */
    need_floor: ratio.default(0.2),
    targets: z
      .object({
        self_sufficiency: ratio.default(0.7),
        tenure_days: z.number().min(0).max(10_000).default(3),
        relationship_coverage: ratio.default(0.6)
      })
      .strict()
      .default({ self_sufficiency: 0.7, tenure_days: 3, relationship_coverage: 0.6 })
  })
  .strict()

export const StabilitySchema = z
  .object({
    starvation: StarvationSchema.default(() => StarvationSchema.parse({})),
    need_depleted: NeedDepletedSchema.default(() => NeedDepletedSchema.parse({})),
    lateness: LatenessSchema.default(() => LatenessSchema.parse({})),
    option_thrash: OptionThrashSchema.default(() => OptionThrashSchema.parse({})),
    reward_variance: RewardVarianceSchema.default(() => RewardVarianceSchema.parse({})),
    queue_fairness: QueuePressureSchema.default(() => QueuePressureSchema.parse({})),
    rivalry: RivalrySpikeSchema.default(() => RivalrySpikeSchema.parse({})),
    affordance_failures: AffordanceFailuresSchema.default(() => AffordanceFailuresSchema.parse({})),
    promotion: PromotionSchema.default(() => PromotionSchema.parse({})),
    kpis: KpiSchema.default(() => KpiSchema.parse({}))
  })
  .strict()
export type StabilityConfig = z.infer<typeof StabilitySchema>

/** Narration categories, so per-category settings can be checked for typos. */
export const NARRATION_CATEGORIES = ['conflict', 'rivalry', 'exit', 'arrival', 'perturbation', 'lateness', 'chat', 'utility', 'employment'] as const
export type NarrationCategory = (typeof NARRATION_CATEGORIES)[number]
const CategorySchema = z.enum(NARRATION_CATEGORIES)

export const NarrationSchema = z
  .object({
    /** Ticks between any two ordinary lines. */
    global_cooldown_ticks: count(10_000).default(30),
    /** Per-category cooldowns; a category not listed uses the global cooldown. */
    category_cooldown_ticks: z.partialRecord(CategorySchema, count(10_000)).default({}),
    /** The same line (same key) is not repeated within this many ticks, priority or not. */
    dedupe_window_ticks: count(10_000).default(20),
    /** At most `global_window_limit` lines in any `global_window_ticks`, priority or not. */
    global_window_ticks: ticks(10_000).default(600),
    global_window_limit: z.number().int().min(1).max(1000).default(10),
    /** Categories whose every line is priority (bypasses cooldowns). */
    priority_categories: z.array(CategorySchema).default([]),
    /** Categories never narrated. */
    muted_categories: z.array(CategorySchema).default([]),
    /** Recent lines kept (and carried in snapshots). */
    recent_limit: z.number().int().min(1).max(1000).default(50),
    /** A rivalry rising to this is narrated; to `rivalry_priority` it is priority. */
    rivalry_threshold: ratio.default(0.7),
    rivalry_priority: ratio.default(0.9),
    /** Chats below this quality are not worth a line. */
    chat_quality_min: ratio.default(0.3)
  })
  .strict()
  .superRefine((n, ctx) => {
    if (n.rivalry_priority < n.rivalry_threshold) {
      ctx.addIssue({ code: 'custom', path: ['rivalry_priority'], message: `rivalry_priority (${n.rivalry_priority}) must be at least rivalry_threshold (${n.rivalry_threshold})` })
    }
    const both = n.priority_categories.filter((c) => n.muted_categories.includes(c))
    if (both.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['muted_categories'], message: `${both.join(', ')} ${both.length === 1 ? 'is' : 'are'} both muted and priority: pick one` })
    }
  })
export type NarrationConfig = z.infer<typeof NarrationSchema>

/**
 * `telemetry.transport`: where the telemetry stream goes besides the UI (docs/telemetry.md).
 * Every transport has its own bounded buffer: sends only enqueue, I/O runs off the tick, and a
 * full buffer drops its oldest messages (counted) rather than slowing the town or growing memory.
 */
const bufferFields = {
  /** Bytes of encoded messages one transport holds (queued plus in flight) before dropping the oldest. */
  max_buffer_bytes: z.number().int().min(1024).max(1024 * 1024 * 1024),
  /** Messages written (or POSTed) together at most. */
  batch_size: z.number().int().min(1).max(10_000),
  /** Milliseconds a part batch waits for more messages before it is written anyway. */
  flush_interval_ms: z.number().int().min(1).max(60_000)
}
export const TransportBufferSchema = z
  .object({
    max_buffer_bytes: bufferFields.max_buffer_bytes.default(4 * 1024 * 1024),
    batch_size: bufferFields.batch_size.default(256),
    flush_interval_ms: bufferFields.flush_interval_ms.default(200)
  })
  .strict()
/** A transport's own overrides: only the keys it names (no defaults, which would mask the block's). */
const BufferOverrideSchema = z.object(bufferFields).partial().strict()
export type TransportBufferConfig = z.infer<typeof TransportBufferSchema>

/** Retry after a failed write: exponential backoff from `base_ms` to `max_ms`, with jitter. */
export const TransportRetrySchema = z
  .object({
    base_ms: z.number().int().min(1).max(60_000).default(100),
    max_ms: z.number().int().min(1).max(600_000).default(10_000),
    /** Attempts at one batch before it is dropped (counted); null: keep it, and keep trying. */
    max_retries: z.number().int().min(0).max(1000).nullable().default(null)
  })
  .strict()
  .refine((r) => r.max_ms >= r.base_ms, { path: ['max_ms'], message: 'max_ms must be at least base_ms' })
export type TransportRetryConfig = z.infer<typeof TransportRetrySchema>

const PATH_MAX = 4096
const common = {
  /** Overrides of `telemetry.transport.buffer` for this transport only. */
  buffer: BufferOverrideSchema.optional(),
  retry: TransportRetrySchema.optional()
}

export const StdoutTransportSchema = z.object({ kind: z.literal('stdout'), ...common }).strict()

export const FileTransportSchema = z
  .object({
    kind: z.literal('file'),
    /** A JSONL stream file inside the workspace, relative to the folder the run starts in. */
    path: z.string().min(1).max(PATH_MAX).refine((p) => !p.includes('\0'), 'the path contains a NUL character'),
    rotate: z
      .object({
        /** Start a new file once the current one holds this many bytes (null: never by size). */
        max_bytes: z.number().int().min(1024).max(1024 ** 4).nullable().default(64 * 1024 * 1024),
        /** …or this many lines (null: never by count). */
        max_entries: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
        /** Rotated files kept: `PATH.1` (newest) to `PATH.<keep>`. */
        keep: z.number().int().min(1).max(1000).default(5)
      })
      .strict()
      .default({ max_bytes: 64 * 1024 * 1024, max_entries: null, keep: 5 }),
    ...common
  })
  .strict()

export const HostSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])$/, 'use a host name, an IPv4 address or a bracketed IPv6 address')

export const TcpTransportSchema = z
  .object({
    kind: z.literal('tcp'),
    host: HostSchema,
    port: z.number().int().min(1).max(65_535),
    /** NDJSON over TLS instead of plain TCP; the certificate is always checked. */
    tls: z.boolean().default(false),
    /** A PEM file of extra certificate authorities (inside the workspace) for a private endpoint. */
    ca_file: z.string().min(1).max(PATH_MAX).nullable().default(null),
    connect_timeout_ms: z.number().int().min(10).max(120_000).default(5000),
    ...common
  })
  .strict()

export const HttpTransportSchema = z
  .object({
    kind: z.literal('http'),
    url: z
      .string()
      .min(1)
      .max(2048)
      .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'use an http:// or https:// URL'),
    /** Milliseconds one POST may take, answer included. */
    timeout_ms: z.number().int().min(10).max(120_000).default(10_000),
    /** Extra request headers (an Authorization token, say); never shown in status. */
    headers: z.record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'not a header name'), z.string().max(4096).regex(/^[^\r\n\0]*$/, 'a header value may not hold line breaks')).default({}),
    ...common
  })
  .strict()

export const TransportEntrySchema = z.discriminatedUnion('kind', [StdoutTransportSchema, FileTransportSchema, TcpTransportSchema, HttpTransportSchema], {
  error: 'each transport needs kind: stdout, file, tcp or http'
})
export type TransportEntry = z.infer<typeof TransportEntrySchema>
export type TransportKind = TransportEntry['kind']

export const TransportBlockSchema = z
  .object({
    buffer: TransportBufferSchema.default(() => TransportBufferSchema.parse({})),
    retry: TransportRetrySchema.default(() => TransportRetrySchema.parse({})),
    transports: z.array(TransportEntrySchema).max(16, 'at most 16 transports').default([])
  })
  .strict()
export type TransportBlockConfig = z.infer<typeof TransportBlockSchema>

/** The `telemetry:` section (the hub's own settings live in `stability` and `narration`). */
export const TelemetrySectionSchema = z
  .object({
    transport: TransportBlockSchema.default(() => TransportBlockSchema.parse({})),
    dispatch: DispatchBlockSchema.default(() => DispatchBlockSchema.parse({})),
    /** Entries each conflict cache keeps (queue history, rivalry events, possessed agents), for conflict_status. */
    conflict_history_limit: z.number().int().min(1).max(4096).default(256)
  })
  .strict()
export type TelemetrySectionConfig = z.infer<typeof TelemetrySectionSchema>
