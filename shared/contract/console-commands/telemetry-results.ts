/**
 * The shapes of the telemetry commands' answers (`telemetry_snapshot`'s new blocks,
 * `conflict_status`, `health_status`): zod schemas, so tests check what the commands return and
 * a script can parse it, and the types the builders fill (main/console/commands). The transport
 * and loop-health blocks are the telemetry stream's own schemas (dto/loop-health.ts), so the
 * console and the stream agree.
 * Every answer carries `schema_version`: the telemetry schema ("MAJOR.MINOR") it follows, which a
 * console compares with the one it knows (shared/contract/dto/telemetry-console.ts).
 */
import { z } from 'zod'
import { LoopHealthPayloadSchema, PipeStatusSchema, SchemaVersionSchema } from '../dto/loop-health'
import { AlertSchema } from '../dto/society'

const int = z.number().int()
const count = int.min(0)
const finite = z.number().refine(Number.isFinite, 'must be a finite number')
const counters = z.object({ cooldown_events: count, ghost_step_events: count, rotation_events: count })

/** Active alerts, the latest metrics (thresholds apart) and the thresholds in force (the config's `stability` block). */
export const StabilityBlockSchema = z.object({
  tick: count,
  alerts: z.array(AlertSchema),
  // Loose: the stability monitor may add a metric without breaking a reader of this schema.
  metrics: z.looseObject({ starvation_incidents: count, queue_deltas: counters, rivalry_spikes: count, affordance_failures: count }),
  thresholds: z.record(z.string(), z.unknown())
})
export type StabilityBlock = z.infer<typeof StabilityBlockSchema>

/** The telemetry pipe's status while one is attached; otherwise only `attached: false`. */
export const TransportBlockSchema = z.union([PipeStatusSchema.extend({ attached: z.literal(true) }), z.object({ attached: z.literal(false) }).strict()])
export type TransportBlock = z.infer<typeof TransportBlockSchema>

export const QueueHistoryEntrySchema = z.object({ tick: count, delta: counters, totals: counters, conflicts: count, intensity: finite })
export const RivalryEventSchema = z.discriminatedUnion('type', [
  z.object({ tick: count, type: z.literal('rivalry_changed'), agent_id: z.string(), other: z.string(), value: finite, delta: finite, reason: z.string() }),
  z.object({ tick: count, type: z.literal('rivalry_avoidance'), agent_id: z.string(), other: z.string(), object_id: z.string() })
])

/** The objects holding stock (meals, ingredients …), in map order. */
export const ObjectStockSchema = z.array(z.object({ object_id: z.string(), type: z.string(), stock: z.record(z.string(), count) }))

/** The employment exit queue in numbers (employment_status has the entries). */
export const EmploymentQueueSchema = z.object({
  pending_count: count,
  /** Exits decided and waiting at the gate (cooldown, daily cap). */
  gate_count: count,
  exits_today: count,
  daily_exit_cap: count,
  queue_limit: count,
  review_window_ticks: count,
  /** How long the oldest entry has waited (0 when the queue is empty). */
  oldest_wait_ticks: count
})

/** What telemetry_snapshot adds to its per-agent and economy status. */
export const TelemetrySnapshotBlocksSchema = z.object({
  schema_version: SchemaVersionSchema,
  /** Null outside a shard (no telemetry hub watches the town). */
  stability: StabilityBlockSchema.nullable(),
  transport: TransportBlockSchema,
  object_stock: ObjectStockSchema,
  employment_queue: EmploymentQueueSchema,
  /** Null outside a shard. */
  possessed_agents: z.array(z.string()).nullable()
})

export const ConflictStatusSchema = z.object({
  schema_version: SchemaVersionSchema,
  tick: count,
  // From the world: counters, the strongest rivalries, the most contended objects, the society's last rivalry changes.
  queue_counters: counters,
  society_counters: z.record(z.string(), count),
  avoid_threshold: finite,
  top_rivalries: z.array(z.object({ a: z.string(), b: z.string(), value: finite })),
  contention: z.array(z.object({ object_id: z.string(), conflicts: count })),
  recent_rivalry_events: count,
  recent: z.array(z.object({ tick: count, agent_id: z.string(), other: z.string() })),
  // From the telemetry hub's caches:
  /** The latest N queue-history entries (ticks where the queue counters moved or conflicts happened), oldest first; null outside a shard. */
  history: z.array(QueueHistoryEntrySchema).nullable(),
  /** The latest N rivalry events, oldest first; null outside a shard. */
  rivalry_events: z.array(RivalryEventSchema).nullable(),
  /** Alerts active now; null outside a shard. */
  alerts: z.array(AlertSchema).nullable(),
  /** How many entries each cache holds, and the most it keeps (telemetry.conflict_history_limit). */
  cache: z.object({ queue: count, rivalries: count, possessed: count, limit: int.min(1) }).nullable()
})

/** loop.health's payload, as the shard knows it without a stream: the transport is null when none is attached. */
export const HealthBlockSchema = LoopHealthPayloadSchema.extend({ transport: PipeStatusSchema.nullable() })
export type HealthBlock = z.infer<typeof HealthBlockSchema>

export const HealthStatusSchema = z.object({
  schema_version: SchemaVersionSchema,
  tick: count,
  /** Ticks the tick-duration figures cover (the last 60, fewer early on; 0 outside a shard). */
  window_ticks: count,
  health: HealthBlockSchema
})
