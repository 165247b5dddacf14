/**
 * The town as a society, for the conflict, narration, KPI, perturbation and employment panels:
 * carried whole in every observer frame (it is small) as `society`, and per agent on request
 * (`observer.agent`) for the inspector's relationships and reward breakdown.
 */
import { z } from 'zod'

const int = z.number().int()
const ratio = z.number().min(0).max(1).nullable()

export const KpisSchema = z.object({
  /** Ticks the window covers, and the tick it ended at. */
  window_ticks: int,
  tick: int,
  self_sufficiency: ratio,
  tenure_days: z.number().nullable(),
  relationship_coverage: ratio,
  starvation_incidents: int,
  lateness_rate: ratio,
  queue_conflict_rate: z.number().nullable()
})
export type Kpis = z.infer<typeof KpisSchema>

/** One agent's need that has sat empty (a `need_depleted` alert names each), since the tick it emptied. */
export const DepletedNeedSchema = z.object({ agent_id: z.string(), need: z.enum(['hunger', 'hygiene', 'energy']), since_tick: int })
export type DepletedNeed = z.infer<typeof DepletedNeedSchema>

export const AlertSchema = z.object({
  name: z.string(),
  severity: z.enum(['warn', 'critical']),
  message: z.string(),
  tick: int,
  /** Priority alerts may raise a desktop or browser notification when the operator opted in. */
  priority: z.boolean(),
  /** `need_depleted` only: which agents, which need, since when; longest first, at most 50 (the message counts them all). */
  depleted: z.array(DepletedNeedSchema).optional()
})
export type Alert = z.infer<typeof AlertSchema>

export const PromotionSchema = z.object({
  windows: z.array(z.object({ start_tick: int, end_tick: int, passed: z.boolean(), reasons: z.array(z.string()) })),
  candidate_ready: z.boolean()
})

export const NarrationSchema = z.object({
  tick: int,
  category: z.string(),
  priority: z.boolean(),
  text: z.string(),
  /** Agents the line is about (click to focus). */
  agents: z.array(z.string())
})
export type Narration = z.infer<typeof NarrationSchema>

export const PerturbationRowSchema = z.object({
  event_id: z.string(),
  spec: z.string(),
  kind: z.string(),
  targets: z.array(z.string()),
  magnitude: z.number().nullable(),
  starts_at: int,
  ends_at: int
})
export type PerturbationRow = z.infer<typeof PerturbationRowSchema>

export const PerturbationsViewSchema = z.object({
  active: z.array(PerturbationRowSchema),
  pending: z.array(PerturbationRowSchema),
  cooldowns: z.array(z.object({ spec: z.string(), until: int })),
  /** Config-defined specs an admin can trigger. */
  specs: z.array(z.object({ name: z.string(), kind: z.string() }))
})
export type PerturbationsView = z.infer<typeof PerturbationsViewSchema>

export const EmploymentViewSchema = z.object({
  pending: z.array(z.object({ agent_id: z.string(), job_id: z.string().nullable(), absences: int, since_tick: int })),
  exits_today: int,
  daily_exit_cap: int
})
export type EmploymentView = z.infer<typeof EmploymentViewSchema>

export const ConflictViewSchema = z.object({
  /**
   * Queue counters since the town began: queue conflicts (what the contention table counts:
   * handovers with someone waiting, and ghost steps), ghost steps, rotations, cooldown refusals.
   * Totals, not per-frame deltas: a client charts the difference between the frames it gets, so
   * the frames the host folds together for a slow client lose nothing.
   */
  fairness: z.object({ queue_conflicts: int, ghost_step_events: int, rotation_events: int, cooldown_events: int }),
  /**
   * Pairs by rivalry now (the stronger direction), strongest first: every pair with a rivalry, and
   * every pair in `rivalry_events` (built from the same list, so the two never disagree); a pair
   * whose rivalry has faded since shows its value now. `last_tick`: its latest change in the list.
   */
  rivalry_leaderboard: z.array(z.object({ a: z.string(), b: z.string(), value: z.number(), last_tick: int.nullable() })),
  rivalry_events: z.array(z.object({ tick: int, agent_id: z.string(), other: z.string(), value: z.number(), delta: z.number(), reason: z.string() })),
  /** Conflicts per object, most contended first. */
  contention: z.array(z.object({ object_id: z.string(), conflicts: int }))
})
export type ConflictView = z.infer<typeof ConflictViewSchema>

export const SocietyViewSchema = z.object({
  kpis: KpisSchema.nullable(),
  alerts: z.array(AlertSchema),
  promotion: PromotionSchema,
  /** Recent narration lines, newest last (bounded). */
  narrations: z.array(NarrationSchema),
  perturbations: PerturbationsViewSchema,
  employment: EmploymentViewSchema,
  conflict: ConflictViewSchema,
  rewards: z.object({ mean_total: z.number(), components: z.record(z.string(), z.number()) })
})
export type SocietyView = z.infer<typeof SocietyViewSchema>

/** One agent in depth, for the inspector. */
export const AgentDetailSchema = z.object({
  id: z.string(),
  personality: z.object({ profile: z.string(), extroversion: z.number(), forgiveness: z.number(), ambition: z.number() }).nullable(),
  ties: z.array(z.object({ other: z.string(), trust: z.number(), familiarity: z.number(), rivalry: z.number() })),
  reward: z.object({ total: z.number(), components: z.record(z.string(), z.number()), episode_total: z.number() }).nullable()
})
export type AgentDetail = z.infer<typeof AgentDetailSchema>
