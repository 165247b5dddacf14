/**
 * The telemetry stream's message vocabulary, version 1.1 (docs/telemetry.md, "The stream"): every
 * message is `{schema_version, kind, tick, seq?, payload}` and its payload is typed by its kind.
 * What a shard emits and what `townlet telemetry check` accepts come from these schemas, so the
 * two cannot drift apart. Additive changes (a new kind, a new optional field) bump the minor
 * version; anything an old consumer would misread bumps the major.
 */
import { z } from 'zod'
import { AlertSchema, KpisSchema, NarrationSchema } from '../../../shared/contract/dto/society'
import { PolicyIdentitySchema } from '../../../shared/contract/dto/policy'
import { ERROR_CODES } from '../../../shared/error-codes'
import { LoopHealthPayloadSchema, PipeStatusSchema, SchemaVersionSchema, TransportStatusSchema } from '../../../shared/contract/dto/loop-health'
import { isSimEventType, SIM_EVENT_SCHEMAS, type SimEventType } from '../../sim/events/event-map'
import { DISPATCH_PAYLOADS } from '../dispatch/dispatch-kinds'

// The loop-health and transport schemas are the contract's, shared with the console's result schemas.
export { LoopHealthPayloadSchema, PipeStatusSchema, SchemaVersionSchema, TransportStatusSchema }

export const STREAM_SCHEMA_VERSION = '1.2'
export const STREAM_MAJOR = 1
/** 1.1: the on-request kinds observation and agent.snapshot (main/telemetry/dispatch/dispatch-kinds.ts). */
export const STREAM_MINOR = 2

const int = z.number().int()
const count = int.min(0)
const ms = z.number().min(0)

/** What JSON can carry (an engine event's own fields). */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
const JsonSchema: z.ZodType<Json> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonSchema), z.record(z.string(), JsonSchema)]))

const EngineEventShape = z
  .object({
    type: z.string().min(1).max(64).regex(/^[a-z][a-z0-9_.]*$/, 'an event type is lowercase letters, digits, "_" and "."'),
    tick: count
  })
  .catchall(JsonSchema)

/** A schema that takes fields it does not know (what a newer minor version may add), for each strict one in the map. */
function lenient(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) return schema.loose()
  if (schema instanceof z.ZodDiscriminatedUnion) return z.union(schema.options.map((o) => lenient(o as z.ZodType)) as [z.ZodType, z.ZodType])
  return schema
}
const LENIENT_EVENT_SCHEMAS = Object.fromEntries(Object.entries(SIM_EVENT_SCHEMAS).map(([type, schema]) => [type, lenient(schema)])) as Record<SimEventType, z.ZodType>

/**
 * The payload of a known engine event type, checked by the engine's own vocabulary
 * (main/sim/events): exactly (`exact`, this version) or ignoring fields it does not know (a
 * newer minor). Issues name the field under the payload; a type outside the vocabulary passes
 * here and is judged by the compatibility rules (stream-compat.ts).
 */
function engineEventSchema(exact: boolean) {
  return EngineEventShape.superRefine((event, ctx) => {
    if (!isSimEventType(event.type)) return
    const { type, tick: _tick, ...fields } = event
    const checked = (exact ? SIM_EVENT_SCHEMAS[type] : LENIENT_EVENT_SCHEMAS[type]).safeParse(fields)
    if (checked.success) return
    for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: `${type}: ${issue.message}` })
  })
}

/** One engine event as the engine emits it: its type, its tick, and its own fields, a known type's fields exactly as its schema says. */
export const EngineEventPayloadSchema = engineEventSchema(true)
/** The same for a message of a newer minor version: known types checked, fields this townlet does not know ignored. */
export const NewerMinorEngineEventPayloadSchema = engineEventSchema(false)

export const AlertPayloadSchema = z.object({
  /** Raised: the alert became active this tick. Cleared: it is no longer active (the alert as last seen). */
  state: z.enum(['raised', 'cleared']),
  alert: AlertSchema
})

export const KpiWindowPayloadSchema = KpisSchema.extend({ targets_missed: z.array(z.string()) })

export const RewardsPayloadSchema = z.object({ mean_total: z.number(), components: z.record(z.string(), z.number()), agents: count })

export const LoopTickPayloadSchema = z.object({
  /** Ticks this message covers (the cadence, or fewer for the last one of a run). */
  ticks: int.min(1),
  /** Mean wall-clock milliseconds per tick over those ticks. */
  duration_ms: ms,
  rewards: RewardsPayloadSchema,
  policy: PolicyIdentitySchema
})

const rate = z.number().min(0).max(1).nullable()

/** The stability monitor's figures at a loop message (thresholds are config: telemetry_snapshot has them). Since 1.2. */
export const StabilityMetricsPayloadSchema = z.object({
  starvation_incidents: count,
  needs_depleted: count,
  lateness_rate: rate,
  option_switch_rate: rate,
  option_decisions: count,
  reward_mean: z.number().nullable(),
  reward_variance: z.number().min(0).nullable(),
  reward_samples: count,
  queue_deltas: z.object({ ghost_step_events: count, rotation_events: count, cooldown_events: count }),
  rivalry_spikes: count,
  affordance_failures: count
})

export const LoopFailurePayloadSchema = z.object({
  /** A stable code and our own words: never a host path or a stack. */
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string().max(2000) }),
  /** The snapshot file captured at the failure, as the user named it; null when none was. */
  snapshot: z.string().max(4096).nullable()
})

export const PAYLOADS = {
  'engine.event': EngineEventPayloadSchema,
  narration: NarrationSchema,
  'stability.alert': AlertPayloadSchema,
  'kpi.window': KpiWindowPayloadSchema,
  'loop.tick': LoopTickPayloadSchema,
  'loop.health': LoopHealthPayloadSchema,
  'stability.metrics': StabilityMetricsPayloadSchema,
  'loop.failure': LoopFailurePayloadSchema,
  ...DISPATCH_PAYLOADS
} as const
export type StreamKind = keyof typeof PAYLOADS
export const STREAM_KINDS = Object.keys(PAYLOADS) as StreamKind[]


/** The envelope every message shares, whatever its version: enough to route it and to see what it is. */
export const EnvelopeSchema = z.object({
  schema_version: z.string(),
  kind: z.string().min(1).max(64),
  tick: count,
  /** The emitter's own counter, rising by one per message of a run: a gap is a message lost on the way. */
  seq: count.optional(),
  payload: z.unknown()
})

function messageSchema<K extends StreamKind>(kind: K) {
  return z.object({ schema_version: SchemaVersionSchema, kind: z.literal(kind), tick: count, seq: count.optional(), payload: PAYLOADS[kind] })
}

export const StreamMessageSchema = z.discriminatedUnion('kind', [
  messageSchema('engine.event'),
  messageSchema('narration'),
  messageSchema('stability.alert'),
  messageSchema('kpi.window'),
  messageSchema('loop.tick'),
  messageSchema('loop.health'),
  messageSchema('stability.metrics'),
  messageSchema('loop.failure'),
  messageSchema('observation'),
  messageSchema('agent.snapshot')
])
export type StreamMessage = z.infer<typeof StreamMessageSchema>
/** An engine.event message of a newer minor version (see stream-compat.ts). */
export const NewerMinorEngineEventMessageSchema = z.object({ schema_version: SchemaVersionSchema, kind: z.literal('engine.event'), tick: count, seq: count.optional(), payload: NewerMinorEngineEventPayloadSchema })
export type PayloadOf<K extends StreamKind> = z.infer<(typeof PAYLOADS)[K]>
