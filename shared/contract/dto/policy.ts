/**
 * The policy runtime as the operator sees it: who decides (scripted controller, an ONNX model,
 * or a mix), its identity, inference latency, the embedding allocator, possessed agents; and for
 * one agent at one tick, the decision trace (what it saw, what it could do, what was chosen and
 * by whom). Observation DTOs are the versioned, JSON-safe form of the observation batch.
 */
import { z } from 'zod'
import { AgentOptionSchema } from './world-summary'

const int = z.number().int()
const nonneg = z.number().nonnegative()

export const ObservationVariantSchema = z.enum(['full', 'hybrid', 'compact'])
export type ObservationVariant = z.infer<typeof ObservationVariantSchema>

export const PolicyBackendSchema = z.enum(['scripted', 'onnx'])
export const DecidedBySchema = z.enum(['scripted', 'learned', 'operator'])
export type DecidedBy = z.infer<typeof DecidedBySchema>

/** What identifies the running policy; emitted as `policy.metadata` and stored with snapshots. */
export const PolicyIdentitySchema = z.object({
  backend: PolicyBackendSchema,
  /** sha256 of the model bytes; null for the scripted controller. */
  policy_hash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  /** The model file's name (no directories) or "scripted". */
  model: z.string(),
  /** onnxruntime execution provider actually in use ("cpu", "cuda"), or null for scripted. */
  execution_provider: z.enum(['cpu', 'cuda']).nullable(),
  observation_variant: ObservationVariantSchema,
  /** Chance that a decision comes from the model once one runs (the scripted backend decides every time). */
  anneal_ratio: z.number().min(0).max(1),
  option_set: z.array(AgentOptionSchema)
})
export type PolicyIdentity = z.infer<typeof PolicyIdentitySchema>

export const EmbeddingMetricsSchema = z.object({
  max_slots: int,
  in_use: int,
  allocations_total: int,
  forced_reuse_count: int,
  forced_reuse_rate: nonneg,
  reuse_warning: z.boolean(),
  /** Living agents that found no slot at all (more agents than slots). */
  without_slot: int,
  cooldown_ticks: int
})
export type EmbeddingMetrics = z.infer<typeof EmbeddingMetricsSchema>

export const LatencySampleSchema = z.object({ tick: int, ms: nonneg, batch: int })

export const PolicyStatusSchema = z.object({
  identity: PolicyIdentitySchema,
  /** A visible notice, e.g. CUDA was asked for but the CPU provider runs instead. */
  notice: z.string().nullable(),
  /** The anneal schedule still ahead, tick order. */
  anneal_schedule: z.array(z.object({ tick: int, ratio: z.number().min(0).max(1) })),
  commit_ticks: int,
  possessed: z.array(z.string()),
  /** Decisions made in the last tick and in total, by who made them. */
  decisions: z.object({ last_tick: z.record(DecidedBySchema, int), total: z.record(DecidedBySchema, int) }),
  latency: z.object({
    last_ms: nonneg.nullable(),
    mean_ms: nonneg.nullable(),
    p95_ms: nonneg.nullable(),
    /** The most recent inference batches, oldest first. */
    history: z.array(LatencySampleSchema)
  }),
  embedding: EmbeddingMetricsSchema,
  /** Models an admin can swap in (files under configs/policies), with their manifest facts. */
  models: z.array(z.object({ path: z.string(), name: z.string(), sha256: z.string().nullable(), accuracy: z.number().nullable(), observation_variant: z.string().nullable() }))
})
export type PolicyStatus = z.infer<typeof PolicyStatusSchema>

export const MapTensorSchema = z.object({
  /** [channels, rows, cols]; data is channel-major, row-major, the agent in the centre cell. */
  shape: z.tuple([int, int, int]),
  channels: z.array(z.string()),
  data: z.array(z.number())
})

/** Why one agent did what it did at one tick. */
export const DecisionTraceSchema = z.object({
  agent: z.string(),
  /** The tick whose state the observation shows; the decision applied at tick + 1. */
  tick: int,
  decided_by: DecidedBySchema.nullable(),
  /** The option it carries out after this decision, and whether that was held by the commitment window. */
  chosen: AgentOptionSchema,
  commitment: z.object({ option: AgentOptionSchema, since: int, remaining: int, held: z.boolean() }),
  features: z.array(z.object({ name: z.string(), value: z.number() })),
  map: MapTensorSchema,
  mask: z.array(z.object({ option: AgentOptionSchema, allowed: z.boolean() })),
  /** Option probabilities from the model, highest first (null when the model did not run for it). */
  probabilities: z.array(z.object({ option: AgentOptionSchema, p: z.number().min(0).max(1) })).nullable(),
  /** The anneal draw in [0, 1) that picked scripted or learned (null when no draw was needed). */
  anneal_draw: z.number().nullable(),
  /** Why a guardrail replaced the model's choice (e.g. "critical hunger"), or null. */
  guardrail: z.string().nullable(),
  embedding_slot: int,
  /**
   * The agent's recent decisions that changed something (newest first): a new option, a choice
   * the commitment held back, a guardrail. Features and map are kept for the latest tick only.
   */
  history: z.array(
    z.object({
      tick: int,
      decided_by: DecidedBySchema,
      chosen: AgentOptionSchema,
      held: z.boolean(),
      anneal_draw: z.number().nullable(),
      guardrail: z.string().nullable(),
      /** Options the mask allowed (null when the controller decided: it needs no mask). */
      allowed: z.array(AgentOptionSchema).nullable(),
      /** The model's three most probable options (null when it did not run for this decision). */
      probabilities: z.array(z.object({ option: AgentOptionSchema, p: z.number().min(0).max(1) })).nullable()
    })
  )
})
export type DecisionTrace = z.infer<typeof DecisionTraceSchema>

export const OBSERVATION_SCHEMA_VERSION = '1.0'

/** The versioned, JSON-safe form of one tick's observation batch, agents in slot order. */
export const ObservationEnvelopeSchema = z.object({
  schema_version: z.literal(OBSERVATION_SCHEMA_VERSION),
  tick: int,
  variant: ObservationVariantSchema,
  map_shape: z.tuple([int, int, int]),
  map_channels: z.array(z.string()),
  feature_names: z.array(z.string()),
  agents: z.array(
    z.object({
      id: z.string(),
      slot: int,
      embedding_slot: int,
      ctx_reset_flag: z.boolean(),
      map: z.array(z.number()),
      features: z.array(z.number())
    })
  )
})
export type ObservationEnvelope = z.infer<typeof ObservationEnvelopeSchema>
