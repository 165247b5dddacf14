/**
 * The run history (main/history, docs/history.md): what a SQLite history file holds about each
 * run, as JSON-safe DTOs. The store writes these shapes and parses them again when it reads, so a
 * row edited by another program is refused by name rather than handed on. Every string and list
 * is bounded: a history file is foreign input the moment it is read back.
 */
import { z } from 'zod'
import { PolicyIdentitySchema } from './policy'
import { AlertSchema, KpisSchema } from './society'

/** Version of the per-agent episode snapshot; bump when its shape changes. */
export const AGENT_EPISODE_SCHEMA_VERSION = 1

/** Bounds on what one run may hold, and on each string (see docs/history.md). */
export const HISTORY_LIMITS = {
  windowsPerRun: 10_000,
  episodesPerRun: 20_000,
  /** Alerts kept per window (the monitor raises a handful; a flood is cut). */
  alertsPerWindow: 32,
  idChars: 128,
  textChars: 512,
  /** Runs a `history list` returns, newest first. */
  listRuns: 1_000
} as const

const int = z.number().int().nonnegative()
const id = z.string().max(HISTORY_LIMITS.idChars)
const finite = z.number().finite()

/** An agent as it left (or as it stood when the run ended): plain numbers, rounded, no typed arrays. */
export const AgentEpisodeSnapshotSchema = z.object({
  schema_version: z.literal(AGENT_EPISODE_SCHEMA_VERSION),
  agent_id: id,
  home: id.nullable(),
  job: id.nullable(),
  x: z.number().int(),
  y: z.number().int(),
  needs: z.object({ hunger: finite, hygiene: finite, energy: finite }),
  wallet: finite,
  wages_earned: finite,
  meals_eaten: int,
  meals_cooked: int,
  showers: int,
  sleeps: int,
  shifts_done: int,
  lateness_count: int
})
export type AgentEpisodeSnapshot = z.infer<typeof AgentEpisodeSnapshotSchema>

export const HistoryRunStatusSchema = z.enum(['running', 'completed', 'failed', 'interrupted'])
export type HistoryRunStatus = z.infer<typeof HistoryRunStatusSchema>

/** One run: who ran what, from when to when. */
export const HistoryRunSchema = z.object({
  id: z.number().int().positive(),
  /** Milliseconds since the epoch, host clock. */
  started_ms: int,
  ended_ms: int.nullable(),
  config_id: id,
  /** sha256 of the config's YAML text (the config summary's), so two configs of one config_id differ. */
  config_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  seed: z.number().int(),
  agents: int,
  policy: PolicyIdentitySchema,
  /** The tick the run started from (0, or a resumed snapshot's tick) and the ticks it ran. */
  start_tick: int,
  ticks: int,
  status: HistoryRunStatusSchema,
  windows: int,
  episodes: int,
  /** Rows not kept because the run reached its bound (HISTORY_LIMITS). */
  dropped: z.object({ windows: int, episodes: int })
})
export type HistoryRun = z.infer<typeof HistoryRunSchema>

/** The KPIs over one window of ticks, and the alerts active at its end. */
export const HistoryWindowSchema = z.object({
  from_tick: int,
  to_tick: int,
  kpis: KpisSchema.nullable(),
  alerts: z.array(AlertSchema).max(HISTORY_LIMITS.alertsPerWindow)
})
export type HistoryWindow = z.infer<typeof HistoryWindowSchema>

/** One agent's life in the run: from the tick it was first seen to the tick it left (null: still in town at the end). */
export const HistoryEpisodeSchema = z.object({
  agent_id: id,
  from_tick: int,
  to_tick: int.nullable(),
  /** The exit reason (`faint`, `eviction`, `killed` …), or null for an agent still in town. */
  cause: z.string().max(HISTORY_LIMITS.idChars).nullable(),
  snapshot: AgentEpisodeSnapshotSchema
})
export type HistoryEpisode = z.infer<typeof HistoryEpisodeSchema>

/** A run with its windows and episodes, oldest first. */
export const HistoryRunDetailSchema = z.object({
  run: HistoryRunSchema,
  windows: z.array(HistoryWindowSchema),
  episodes: z.array(HistoryEpisodeSchema)
})
export type HistoryRunDetail = z.infer<typeof HistoryRunDetailSchema>

/** Each KPI's mean over a run's windows (null: no window had a value), for charting a KPI across runs. */
export const HistoryKpiMeansSchema = z.object({
  self_sufficiency: z.number().nullable(),
  tenure_days: z.number().nullable(),
  relationship_coverage: z.number().nullable(),
  starvation_incidents: z.number().nullable(),
  lateness_rate: z.number().nullable(),
  queue_conflict_rate: z.number().nullable()
})
export type HistoryKpiMeans = z.infer<typeof HistoryKpiMeansSchema>
export const HISTORY_KPI_KEYS = Object.keys(HistoryKpiMeansSchema.shape) as (keyof HistoryKpiMeans)[]

/** The runs of the host's history file (`history.runs`), newest first; `file` null when there is none yet. */
export const HistoryRunsSchema = z.object({
  file: z.string().max(HISTORY_LIMITS.textChars).nullable(),
  runs: z.array(z.object({ run: HistoryRunSchema, kpi_means: HistoryKpiMeansSchema })).max(HISTORY_LIMITS.listRuns)
})
export type HistoryRuns = z.infer<typeof HistoryRunsSchema>
