/**
 * The original Python Townlet's snapshot state (schema 1.x, see docs/legacy-import.md) as zod
 * schemas. Tolerant where older shards differed (sections missing, agents as a list, needs a
 * little outside [0, 1], positions off the grid, RNG state in any of its encodings) and strict
 * where a wrong value would silently corrupt the import: ids, ticks and counts are bounded, every
 * number is finite, and an agent keyed under another agent's id is refused.
 *
 * Sections we cannot use (stability, promotion, telemetry …) are accepted as opaque values and
 * only counted, so a document is never refused for what the import drops anyway.
 */
import { z } from 'zod'

/** The most agents a legacy document may hold: the config schema's population limit. */
export const LEGACY_MAX_AGENTS = 100_000
export const LEGACY_MAX_OBJECTS = 100_000
/** Ticks beyond this do not fit the engine's 32-bit tick columns with room to run. */
export const LEGACY_MAX_TICK = 1_000_000_000
/** Ties over all ledgers; the original bounded each ledger, so real documents stay far below. */
export const LEGACY_MAX_TIES = 1_000_000
export const LEGACY_MAX_ID = 128
/** A JSON-encoded MT19937 state is ~7 KB; a pickle a little more. */
export const LEGACY_MAX_RNG_TEXT = 65_536

const id = z.string().min(1).max(LEGACY_MAX_ID)
const key = z.string().min(1).max(64)
const tick = z.int().min(-1).max(LEGACY_MAX_TICK)
const count = z.int().min(0).max(LEGACY_MAX_TICK)
const big = z.number().min(-1e9).max(1e9)
/** Opaque sections: accepted, counted, never read. */
const opaque = z.unknown()

/** Grid coordinates: a pair, or {x, y} as some tools wrote them; rounded, clamped later. */
const Position = z
  .union([z.tuple([big, big]), z.object({ x: big, y: big })])
  .transform((p): [number, number] => (Array.isArray(p) ? [Math.round(p[0]), Math.round(p[1])] : [Math.round(p.x), Math.round(p.y)]))

export const LegacyPersonalitySchema = z.object({
  extroversion: z.number().min(-10).max(10).optional(),
  forgiveness: z.number().min(-10).max(10).optional(),
  ambition: z.number().min(-10).max(10).optional()
})

export const LegacyAgentSchema = z.object({
  agent_id: id.optional(),
  position: Position,
  /** 1.6 keeps needs in [0, 1]; older shards wrote a little over after effects: clamped, reported. */
  needs: boundedRecord(32, z.number().min(-1000).max(1000), key),
  wallet: big,
  job_id: id.nullable().optional(),
  on_shift: z.boolean().optional(),
  inventory: boundedRecord(256, z.unknown(), key).optional(),
  personality: LegacyPersonalitySchema.optional(),
  personality_profile: key.optional(),
  lateness_counter: count.optional(),
  last_late_tick: tick.optional(),
  shift_state: key.optional(),
  late_ticks_today: count.optional(),
  attendance_ratio: z.number().min(0).max(1).optional(),
  absent_shifts_7d: z.int().min(0).max(10_000).optional(),
  wages_withheld: z.number().min(0).max(1e9).optional(),
  exit_pending: z.boolean().optional()
})
export type LegacyAgent = z.infer<typeof LegacyAgentSchema> & { agent_id: string }

/**
 * A record checked for size before its entries are parsed, so a document with a million keys is
 * refused in one step instead of after a million value checks.
 */
function boundedRecord<V extends z.ZodType>(max: number, value: V, keys: z.ZodString = id) {
  return z.preprocess((v, ctx) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > max) {
      ctx.addIssue({ code: 'custom', message: `at most ${max} entries` })
      return z.NEVER
    }
    return v
  }, z.record(keys, value))
}

/**
 * A list or a record (older shards wrote some sections one way, 1.6 the other), parsed by the
 * shape it has: a union would hide which field is wrong behind "invalid input".
 */
function listOrRecord<L extends z.ZodType, R extends z.ZodType>(list: L, record: R) {
  return z.unknown().transform((v, ctx): z.output<L> | z.output<R> => {
    const parsed = (Array.isArray(v) ? list : record).safeParse(v)
    if (parsed.success) return parsed.data as z.output<L> | z.output<R>
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path })
    return z.NEVER
  })
}

/** `agent_id → summary` (1.6), or a list of summaries (older shards). Keys must match inner ids. */
const Agents = listOrRecord(z.array(LegacyAgentSchema.extend({ agent_id: id })).max(LEGACY_MAX_AGENTS), boundedRecord(LEGACY_MAX_AGENTS, LegacyAgentSchema))
  .transform((agents, ctx): LegacyAgent[] => {
    const entries: [string | null, z.infer<typeof LegacyAgentSchema>][] = Array.isArray(agents) ? agents.map((a) => [null, a]) : Object.entries(agents)
    const seen = new Set<string>()
    const out: LegacyAgent[] = []
    for (const [k, a] of entries) {
      const agentId = a.agent_id ?? k
      if (agentId == null || (k !== null && agentId !== k)) {
        ctx.addIssue({ code: 'custom', message: 'an agent is keyed under another id than its agent_id: each key must equal the agent_id inside' })
        return z.NEVER
      }
      if (seen.has(agentId)) {
        ctx.addIssue({ code: 'custom', message: 'an agent id appears twice: agent ids are unique' })
        return z.NEVER
      }
      seen.add(agentId)
      out.push({ ...a, agent_id: agentId })
    }
    return out
  })

export const LegacyObjectSchema = z.object({
  object_type: key,
  occupied_by: id.nullable().optional(),
  stock: boundedRecord(64, big, key).optional()
})

const Objects = boundedRecord(LEGACY_MAX_OBJECTS, LegacyObjectSchema)

export const LegacyQueuesSchema = z.object({
  active: boundedRecord(LEGACY_MAX_OBJECTS, id).optional(),
  queues: boundedRecord(LEGACY_MAX_OBJECTS, z.array(z.object({ agent_id: id, joined_tick: tick.optional() })).max(LEGACY_MAX_AGENTS)).optional(),
  cooldowns: z.array(z.object({ object_id: id, agent_id: id, expiry: tick })).max(1_000_000).optional(),
  stall_counts: boundedRecord(LEGACY_MAX_OBJECTS, count).optional()
})

export const LegacyEmploymentSchema = z.object({
  exit_queue: z.array(id).max(LEGACY_MAX_AGENTS).optional(),
  queue_timestamps: boundedRecord(LEGACY_MAX_AGENTS, tick).optional(),
  manual_exits: z.array(id).max(LEGACY_MAX_AGENTS).optional(),
  exits_today: count.optional()
})

const Tie = z.object({ trust: z.number().min(-10).max(10).optional(), familiarity: z.number().min(-10).max(10).optional(), rivalry: z.number().min(-10).max(10).optional() })
const Relationships = boundedRecord(LEGACY_MAX_AGENTS, boundedRecord(10_000, Tie)).refine(
  (r) => Object.values(r).reduce((n, ledger) => n + Object.keys(ledger).length, 0) <= LEGACY_MAX_TIES,
  `at most ${LEGACY_MAX_TIES} ties`
)

/**
 * One perturbation as the scheduler kept it. The original stored free-form dicts; the names below
 * are the ones its scheduler used, with the spellings older shards used beside them.
 */
export const LegacyEventSchema = z.object({
  event_id: id.optional(),
  spec: key.optional(),
  spec_name: key.optional(),
  kind: key.optional(),
  started_at: tick.optional(),
  start_tick: tick.optional(),
  ends_at: tick.optional(),
  end_tick: tick.optional(),
  duration: count.optional(),
  targets: z.array(id).max(1000).optional(),
  payload: z
    .object({
      magnitude: z.number().min(0).max(1000).optional(),
      utility: key.optional(),
      location: id.optional(),
      targets: z.array(id).max(1000).optional()
    })
    .optional()
})
export type LegacyEvent = z.infer<typeof LegacyEventSchema>

const Perturbations = z.object({
  pending: z.array(LegacyEventSchema).max(10_000).optional(),
  active: listOrRecord(z.array(LegacyEventSchema).max(10_000), boundedRecord(10_000, LegacyEventSchema)).optional()
})

const Identity = z.object({
  config_id: z.string().max(LEGACY_MAX_ID).optional(),
  policy_hash: z.string().max(200).nullable().optional(),
  observation_variant: z.string().max(64).nullable().optional(),
  anneal_ratio: z.number().min(0).max(1).nullable().optional(),
  policy_artifact: z.string().max(1024).nullable().optional()
})

const Embeddings = z.object({
  assignments: boundedRecord(LEGACY_MAX_AGENTS, z.int().min(0).max(10_000_000)).optional(),
  available: z.array(z.int().min(0).max(10_000_000)).max(LEGACY_MAX_AGENTS).optional()
})

const RngText = z.string().max(LEGACY_MAX_RNG_TEXT)

/** The state: the 1.6 `state` payload, or a bare document from an older shard. */
export const LegacyStateSchema = z.object({
  config_id: z
    .string()
    .max(LEGACY_MAX_ID)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, 'config_id is empty'),
  tick: z.int().min(0).max(LEGACY_MAX_TICK),
  ticks_per_day: z.int().min(1).max(86_400).optional(),
  agents: Agents,
  objects: Objects.optional(),
  queues: LegacyQueuesSchema.optional(),
  employment: LegacyEmploymentSchema.optional(),
  relationships: Relationships.optional(),
  relationship_metrics: opaque.optional(),
  lifecycle: z.object({ exits_today: count.optional(), employment_day: z.int().min(-1).max(LEGACY_MAX_TICK).optional() }).optional(),
  perturbations: Perturbations.optional(),
  affordances: z.object({ running: boundedRecord(LEGACY_MAX_OBJECTS, z.unknown()).optional() }).optional(),
  embeddings: Embeddings.optional(),
  stability: opaque.optional(),
  promotion: opaque.optional(),
  telemetry: opaque.optional(),
  rng_state: RngText.nullable().optional(),
  rng_streams: boundedRecord(16, RngText.nullable(), key).optional(),
  console_buffer: z.array(z.unknown()).max(100_000).optional(),
  identity: Identity.optional(),
  migrations: z.object({ applied: z.array(z.string().max(512)).max(1000).optional(), required: z.array(z.string().max(512)).max(1000).optional() }).optional()
})
export type LegacyState = z.infer<typeof LegacyStateSchema>

/** Top-level keys a 1.x state may carry; anything else is reported as an unknown section. */
export const LEGACY_STATE_KEYS: readonly string[] = Object.keys(LegacyStateSchema.shape)
