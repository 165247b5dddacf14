import { z } from 'zod'

const threshold = z.number().min(0).max(1)

/** The scripted controller: when a need is low enough to act on, and how early to leave for work. */
export const BehaviorSchema = z
  .object({
    hunger_threshold: threshold.default(0.4),
    hygiene_threshold: threshold.default(0.4),
    energy_threshold: threshold.default(0.4),
    /** Below this a need beats going to (or staying at) work. */
    critical_threshold: threshold.default(0.15),
    /** Ticks before a shift starts that an agent sets off for work. */
    job_arrival_buffer: z.number().int().min(0).max(100_000).default(20),
    /** Ticks an agent holds a chosen option before it may switch to another. */
    option_commit_ticks: z.number().int().min(0).max(100_000).default(15),
    /** An agent that finds more than this many waiting looks for another object of the same type. */
    max_queue_wait: z.number().int().min(0).max(1000).default(2),
    /** Ticks an object that refused an agent is skipped by that agent's later choices. */
    retry_after_ticks: z.number().int().min(1).max(100_000).default(30)
  })
  .strict()
  .superRefine((b, ctx) => {
    for (const need of ['hunger', 'hygiene', 'energy'] as const) {
      const key = `${need}_threshold` as const
      if (b.critical_threshold > b[key]) {
        ctx.addIssue({ code: 'custom', path: ['critical_threshold'], message: `critical_threshold (${b.critical_threshold}) is above ${key} (${b[key]}): a critical need must also be a low one` })
        return
      }
    }
  })

/** Queue manager fairness knobs. */
export const QueueFairnessSchema = z
  .object({
    /** After a successful use, the same agent may not queue for that object again for this long. */
    cooldown_ticks: z.number().int().min(0).max(600).default(60),
    /** A holder stalled (not using the object, not moving) this many ticks while others wait is evicted; 0 disables. */
    ghost_step_after: z.number().int().min(0).max(100).default(3),
    /** How much waiting time counts against queue position: priority = index − weight × ticks waited. */
    age_priority_weight: z.number().min(0).max(1).default(0.1)
  })
  .strict()
