import { z } from 'zod'
import { NOT_PROTOTYPE_NAME } from '../../../shared/own-key'

/** "HH:MM" on a 24-hour clock, e.g. "09:00" or "17:30". */
export const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'write a time of day as "HH:MM" on a 24-hour clock, e.g. "09:00"')

/**
 * A job: a daily shift at a workplace. Shifts repeat every day (the original used absolute ticks,
 * so each shift happened once per run). An end before the start is an overnight shift.
 */
export const JobSchema = z
  .object({
    /** A workplace id from `world.layout.workplaces`. In a generated town every workplace offers every job. */
    workplace: z.string().min(1).optional(),
    start: ClockTimeSchema,
    end: ClockTimeSchema,
    /** Paid per tick present during the shift; defaults to `economy.wage_income`. */
    wage: z.number().min(0).max(1000).optional(),
    /** Taken from the wallet once per shift when the agent arrives after the grace window. */
    lateness_penalty: z.number().min(0).max(1000).default(0.1),
    /** Ticks after the shift starts during which an arrival still counts as on time. */
    grace_ticks: z.number().int().min(0).max(10_000).default(5)
  })
  .strict()
  .superRefine((job, ctx) => {
    if (job.start === job.end) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `the shift starts and ends at ${job.start}: give it a length (an end before the start is an overnight shift)` })
    }
  })

export const JobsSchema = z.record(
  z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'job ids use lowercase letters, digits and "_"')
    // Agents name their job by id, looked up in this table: never a name Object.prototype answers.
    .refine(...NOT_PROTOTYPE_NAME),
  JobSchema
)

/**
 * Employment bookkeeping shared by every job, and the employment exit queue: an agent absent from
 * `max_absent_shifts` shifts within `absence_window_days` is queued for an exit (eviction). Up to
 * `daily_exit_cap` queued agents a day leave at once; the rest wait for an operator
 * (`employment_exit approve|defer`) or, unreviewed after `review_window_ticks`, leave anyway.
 */
export const EmploymentSchema = z
  .object({
    /** How many finished shifts the attendance ratio averages over. */
    attendance_window: z.number().int().min(1).max(60).default(7),
    /** Whether absences lead to exits; off, absences are still counted (employment_status shows them). */
    enforce_exits: z.boolean().default(true),
    /** Absent shifts (a whole shift missed) within the window that put an agent in the exit queue. */
    max_absent_shifts: z.number().int().min(1).max(1000).default(3),
    /** The rolling window, in days, over which absent shifts count. */
    absence_window_days: z.number().int().min(1).max(365).default(7),
    /** Queued agents processed a day without review (0: every exit waits for an operator or the review window). */
    daily_exit_cap: z.number().int().min(0).max(10_000).default(2),
    /** Ticks a queued agent waits for an operator before it is processed unreviewed. */
    review_window_ticks: z.number().int().min(1).max(10_000_000).default(1440),
    /** At most this many agents wait in the queue (0: no limit); more are refused with an overflow event. */
    exit_queue_limit: z.number().int().min(0).max(10_000).default(8)
  })
  .strict()
