/**
 * The rows of the observer stream, as the panels read them: one object per agent, object, job.
 * The wire carries them as columns (observer-columns.ts); these are what a client decodes them to.
 * Values are rounded (needs to 3 places, money to 2) so an unchanged agent is not resent for
 * float noise.
 */
import { z } from 'zod'
import { AgentOptionSchema } from './world-summary'

export const AGENT_PHASES = ['none', 'walking', 'queued', 'holding', 'using', 'arrived', 'done', 'failed'] as const
export const SHIFT_STATES = ['off', 'await', 'on_time', 'late', 'absent'] as const

const id = z.string().min(1)
const int = z.number().int()
const unit = z.number().min(0).max(1)

export const AgentRowSchema = z.object({
  id,
  x: int,
  y: int,
  hunger: unit,
  hygiene: unit,
  energy: unit,
  wallet: z.number(),
  option: AgentOptionSchema,
  phase: z.enum(AGENT_PHASES),
  /** The object the agent is going to, waiting for or using. */
  target: id.nullable(),
  /** The affordance it is running, if any. */
  action: id.nullable(),
  /** Place in the target's queue (0 = first waiting), null when not waiting. */
  queue_pos: int.nullable(),
  home: id.nullable(),
  job: id.nullable(),
  shift: z.enum(SHIFT_STATES),
  /** Why its last option failed ('' when it did not). */
  fail_reason: z.string()
})
export type AgentRow = z.infer<typeof AgentRowSchema>

export const ObjectRowSchema = z.object({
  id,
  type: id,
  x: int,
  y: int,
  home: id.nullable(),
  workplace: id.nullable(),
  holder: id.nullable(),
  queue: z.array(id),
  running: id.nullable(),
  remaining: int,
  stock: z.record(z.string(), z.number())
})
export type ObjectRow = z.infer<typeof ObjectRowSchema>

export const AreaRowSchema = z.object({ id, x: int, y: int, w: int, h: int })

export const TownMapSchema = z.object({
  width: int,
  height: int,
  /** One string per row: '#' wall, '.' floor (objects are listed separately). */
  rows: z.array(z.string()),
  homes: z.array(AreaRowSchema),
  workplaces: z.array(AreaRowSchema)
})
export type TownMapDto = z.infer<typeof TownMapSchema>

export const JobRowSchema = z.object({
  id,
  workplace: id.nullable(),
  start: z.string(),
  end: z.string(),
  wage: z.number(),
  lateness_penalty: z.number(),
  employed: int,
  on_shift: int,
  late: int,
  attendance: unit,
  late_shifts: int,
  wages_earned: z.number(),
  wages_withheld: z.number()
})
export type JobRow = z.infer<typeof JobRowSchema>

export const EconomyRowSchema = z.object({
  prices: z.object({ meal_cost: z.number(), ingredients_cost: z.number(), wage_income: z.number() }),
  utilities: z.object({ power: z.boolean(), water: z.boolean() }),
  queue_counters: z.object({ cooldown_events: int, ghost_step_events: int, rotation_events: int }),
  /** Stock summed over objects of each type, e.g. fridge → { meals: 14 }. */
  stock_by_type: z.record(z.string(), z.record(z.string(), z.number())),
  restock_interval_ticks: int,
  jobs: z.array(JobRowSchema)
})
export type EconomyRow = z.infer<typeof EconomyRowSchema>

/** An engine event as streamed: its type, tick and plain-JSON fields. */
export const ObserverEventSchema = z.object({ type: z.string(), tick: int }).catchall(z.unknown())
export type ObserverEvent = z.infer<typeof ObserverEventSchema>
