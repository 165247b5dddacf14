/** Shifts, lateness and the employment exit queue (main/sim/systems/job-system.ts, main/sim/lifecycle). */
import { z } from 'zod'
import { agentId, count, jobId, tickNumber } from './event-fields'

export const JOB_EVENTS = {
  job_late: z.strictObject({ agent_id: agentId, job_id: jobId, penalty: z.number().min(0) }),
  /** `arrived: false` is an absent shift, which the employment queue counts. */
  shift_ended: z.strictObject({
    agent_id: agentId,
    job_id: jobId,
    present_ticks: count,
    shift_ticks: count,
    attendance: z.number().min(0),
    arrived: z.boolean(),
    late: z.boolean(),
    earned: z.number()
  }),
  employment_exit_queue_overflow: z.strictObject({ agent_id: agentId, job_id: jobId, pending_count: count, limit: count }),
  employment_exit_pending: z.strictObject({ agent_id: agentId, job_id: jobId, pending_count: count, absent_shifts: count }),
  employment_exit_processed: z.strictObject({ agent_id: agentId, job_id: jobId, reason: z.enum(['manual_approve', 'auto_review', 'daily_cap']), waited_ticks: tickNumber }),
  employment_exit_deferred: z.strictObject({ agent_id: agentId, job_id: jobId.nullable(), stage: z.enum(['queue', 'gate']) })
} as const
