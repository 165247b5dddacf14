/**
 * The policy runtime's state outside the world, as a snapshot carries it, and its check on the
 * way back in. What it holds is what a restored shard needs to decide and to show exactly as the
 * original would have: the decision records and history (the inspector's trace and the policy
 * panel), the observation builders' state (embedding slots, pending context resets), the last
 * observation batch (what the trace shows until the next decision), the runtime events waiting
 * for the next tick, and the fallback notice.
 *
 * Not here, on purpose: commitments, possession and the anneal ratio are engine state (agent
 * columns `option`/`optionSince`/`possessed`, `state.policy`) and travel with the world; the
 * model session is a loaded file (whoever restores loads it again from the snapshot's policy
 * identity); latency samples are wall-clock measurements, not state.
 *
 * The observation tensors are float32 bytes in base64 (little-endian): exact, and about a
 * quarter of the size of the numbers written out.
 */
import { z } from 'zod'
import { err, ok, type Result } from '../../../shared/result'
import { formatZodIssues } from '../../../shared/zod-issues'
import type { ObservationBuilderJson } from '../observations/observation-builder-json'
import type { ObservationBatch, ObservationSpec } from '../observations/observation-types'
import type { DecisionHistoryJson, DecisionRecordsJson } from './decision-records-json'

export const POLICY_RUNTIME_SCHEMA_VERSION = 1
/** Runtime events between two ticks: a model swap and an embedding warning at most, in practice. */
export const MAX_PENDING_RUNTIME_EVENTS = 1000
/** Nesting of a runtime event's fields. */
const MAX_EVENT_DEPTH = 6

export interface LastBatchJson {
  /** Which spec the tensors follow: a restore under another observation spec is refused. */
  spec: { variant: string; feature_size: number; map_size: number }
  tick: number
  agents: number[]
  embedding_slots: number[]
  ctx_reset: (0 | 1)[]
  /** count × feature_size float32, base64. */
  features: string
  /** count × map_size float32, base64. */
  map: string
}

export interface RuntimeEventJson {
  type: string
  [field: string]: unknown
}

export interface PolicyRuntimeJson {
  schema_version: typeof POLICY_RUNTIME_SCHEMA_VERSION
  records: DecisionRecordsJson
  history: DecisionHistoryJson
  /** The model's builder (null until a model was used or the spec asked for). */
  builder: ObservationBuilderJson | null
  /** The builder that observes for traces when no model runs (null until a trace asked). */
  trace_builder: ObservationBuilderJson | null
  last_batch: LastBatchJson | null
  pending_events: RuntimeEventJson[]
  /** Why the runtime fell back to the scripted controller, if it did. */
  failure: string | null
  /** Whether the last `policy.embedding` event said forced reuse was above the warning threshold. */
  reuse_warning: boolean
}

const slot = z.number().int().min(0).max(1_000_000)
const base64 = z.string().max(512 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')

const LastBatchSchema = z
  .object({
    spec: z.object({ variant: z.string().max(32), feature_size: z.number().int().min(0), map_size: z.number().int().min(0) }).strict(),
    tick: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    agents: z.array(slot).max(1_000_000).refine((s) => s.every((v, k) => k === 0 || s[k - 1]! < v), 'agent slots must be listed once each, in ascending order'),
    embedding_slots: z.array(z.number().int().min(-1).max(100_000)).max(1_000_000),
    ctx_reset: z.array(z.union([z.literal(0), z.literal(1)])).max(1_000_000),
    features: base64,
    map: base64
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.embedding_slots.length !== b.agents.length) ctx.addIssue({ code: 'custom', path: ['embedding_slots'], message: `has ${b.embedding_slots.length} entries for ${b.agents.length} agents` })
    if (b.ctx_reset.length !== b.agents.length) ctx.addIssue({ code: 'custom', path: ['ctx_reset'], message: `has ${b.ctx_reset.length} entries for ${b.agents.length} agents` })
  })

/** Plain JSON only, nested at most `MAX_EVENT_DEPTH` deep, strings and keys bounded. */
function boundedJson(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (typeof value === 'string') return value.length <= 4096
  if (depth >= MAX_EVENT_DEPTH) return false
  if (Array.isArray(value)) return value.length <= 1000 && value.every((v) => boundedJson(v, depth + 1))
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value)
    return entries.length <= 100 && entries.every(([k, v]) => k.length <= 128 && boundedJson(v, depth + 1))
  }
  return false
}

const RuntimeEventSchema = z
  .looseObject({ type: z.string().min(1).max(128) })
  .refine((e) => boundedJson(e, 0), `must be plain JSON (at most ${MAX_EVENT_DEPTH} levels, bounded strings and lists)`)

/** The envelope; each block is then checked by its owner (records, history, builders). */
export const PolicyRuntimeJsonSchema = z
  .object({
    schema_version: z.literal(POLICY_RUNTIME_SCHEMA_VERSION),
    records: z.unknown(),
    history: z.unknown(),
    builder: z.unknown(),
    trace_builder: z.unknown(),
    last_batch: LastBatchSchema.nullable(),
    pending_events: z.array(RuntimeEventSchema).max(MAX_PENDING_RUNTIME_EVENTS),
    failure: z.string().max(4096).nullable(),
    reuse_warning: z.boolean()
  })
  .strict()

export function invalidAt(what: string, at: string, issues: readonly z.core.$ZodIssue[]): Result<never> {
  return err('snapshot.invalid', `${what} is not valid: ${formatZodIssues(issues.slice(0, 5).map((i) => ({ ...i, path: [at, ...i.path] })))}`)
}

export function lastBatchJson(batch: ObservationBatch): LastBatchJson {
  const { spec } = batch
  return {
    spec: { variant: spec.variant, feature_size: spec.featureSize, map_size: spec.mapSize },
    tick: batch.tick,
    agents: Array.from(batch.agents),
    embedding_slots: Array.from(batch.embeddingSlots),
    ctx_reset: Array.from(batch.ctxReset) as (0 | 1)[],
    features: float32ToBase64(batch.features),
    map: float32ToBase64(batch.map)
  }
}

/** The saved batch as a batch of its own (the builder's buffers stay the builder's), under `spec`. */
export function batchFromJson(json: LastBatchJson, spec: ObservationSpec, at: string): Result<ObservationBatch> {
  const want = { variant: spec.variant, feature_size: spec.featureSize, map_size: spec.mapSize }
  if (json.spec.variant !== want.variant || json.spec.feature_size !== want.feature_size || json.spec.map_size !== want.map_size) {
    return err('snapshot.invalid', `${at}.spec: the saved observations are ${describeSpec(json.spec)} but this config observes ${describeSpec(want)}: restore under the config the snapshot was saved with`)
  }
  const count = json.agents.length
  const features = float32FromBase64(json.features)
  const map = float32FromBase64(json.map)
  if (!features || features.length !== count * want.feature_size) return err('snapshot.invalid', `${at}.features: expected ${count} × ${want.feature_size} float32 values in base64`)
  if (!map || map.length !== count * want.map_size) return err('snapshot.invalid', `${at}.map: expected ${count} × ${want.map_size} float32 values in base64`)
  return ok({ spec, tick: json.tick, count, agents: Int32Array.from(json.agents), features, map, embeddingSlots: Int32Array.from(json.embedding_slots), ctxReset: Uint8Array.from(json.ctx_reset) })
}

function describeSpec(s: LastBatchJson['spec']): string {
  return `"${s.variant.slice(0, 32)}" with ${s.feature_size} features and ${s.map_size} map values`
}

function float32ToBase64(values: Float32Array): string {
  const bytes = Buffer.alloc(values.length * 4)
  for (let k = 0; k < values.length; k++) bytes.writeFloatLE(values[k]!, k * 4)
  return bytes.toString('base64')
}

function float32FromBase64(text: string): Float32Array | null {
  const bytes = Buffer.from(text, 'base64')
  if (bytes.length % 4 !== 0) return null
  const out = new Float32Array(bytes.length / 4)
  for (let k = 0; k < out.length; k++) out[k] = bytes.readFloatLE(k * 4)
  return out
}
