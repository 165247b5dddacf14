import { z } from 'zod'

/**
 * Need weights (for the reward engine) and per-tick need decay. Decay rates are fractions of a
 * full need lost per tick. The defaults suit a 1,440-tick (one tick a minute) day: hungry about
 * every eight hours, tired after a long day. The original's (0.01 / 0.005 / 0.008) emptied a need
 * in 100–200 ticks, so a 360-tick sleep could never finish.
 */
export const NeedsWeightsSchema = z
  .object({
    hunger: z.number().min(0.5).max(2).default(1),
    hygiene: z.number().min(0.2).max(1).default(0.6),
    energy: z.number().min(0.4).max(1.5).default(0.8)
  })
  .strict()

export const DecayRatesSchema = z
  .object({
    hunger: z.number().min(0).max(0.5).default(0.0012),
    hygiene: z.number().min(0).max(0.5).default(0.0006),
    energy: z.number().min(0).max(0.5).default(0.0007)
  })
  .strict()

/** Social reward stages, cumulative: C1 chat, C2 + rivalry avoidance, C3 + queue cooperation. */
export const SOCIAL_STAGES = ['OFF', 'C1', 'C2', 'C3'] as const
export type SocialStage = (typeof SOCIAL_STAGES)[number]
export const SocialStageSchema = z.enum(SOCIAL_STAGES)

/** Coefficients of the social components; each block takes effect from its stage on. */
export const SocialRewardsSchema = z
  .object({
    /** C1: a successful chat pays both sides base + trust and familiarity terms, scaled by quality. */
    chat: z
      .object({
        base: z.number().min(0).max(0.05).default(0.01),
        trust_coeff: z.number().min(0).max(1).default(0.3),
        familiarity_coeff: z.number().min(0).max(1).default(0.2),
        /** Paid as a penalty to the speaker of a failed chat (the listener gets half). */
        failure_penalty: z.number().min(0).max(0.05).default(0.005),
        /** No chat reward for an agent with any need below this: chatting while starving is not social success. */
        min_need: z.number().min(0).max(1).default(0.15)
      })
      .strict()
      .default(() => ({ base: 0.01, trust_coeff: 0.3, familiarity_coeff: 0.2, failure_penalty: 0.005, min_need: 0.15 })),
    /** C2: walking away from a rival at a contested object instead of queueing into a clash. */
    avoidance: z.number().min(0).max(0.02).default(0.005),
    /** C3: sharing scarce objects well — a polite handover pays both, a ghost-stepped hog pays. */
    cooperation: z
      .object({
        handover: z.number().min(0).max(0.02).default(0.005),
        ghost_step_penalty: z.number().min(0).max(0.05).default(0.01)
      })
      .strict()
      .default(() => ({ handover: 0.005, ghost_step_penalty: 0.01 }))
  })
  .strict()

/**
 * One step of the social reward schedule: from simulated day `cycle` (the day counter the
 * Overview shows, 0 first) or from tick `from_tick`, the stage is `stage`. The latest step that
 * has begun wins; before any, `features.stages.social_rewards` applies.
 */
export const SocialScheduleEntrySchema = z
  .object({
    cycle: z.number().int().min(0).max(1_000_000).optional(),
    from_tick: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    stage: SocialStageSchema
  })
  .strict()
  .superRefine((e, ctx) => {
    if ((e.cycle === undefined) === (e.from_tick === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a schedule step needs exactly one of `cycle` (a day number) or `from_tick`' })
    }
  })
export type SocialScheduleEntry = z.infer<typeof SocialScheduleEntrySchema>

export const ClipSchema = z
  .object({
    /** Bound on one tick's shaping reward (terminal penalties are added after it, see docs/operator-guide.md). */
    clip_per_tick: z.number().min(0.01).max(1).default(0.2),
    /**
     * Bound on the running total of one agent's life. Lives here last days of one-minute ticks
     * (the original's lasted a few hundred ticks, hence its 50): 500 leaves a typical life of a
     * few days unclipped while still capping a runaway.
     */
    clip_per_episode: z.number().min(1).max(100_000).default(500),
    /** Ticks around an exit in which an agent (or its respawn) gets no positive reward. */
    no_positive_within_death_ticks: z.number().int().min(0).max(200).default(10)
  })
  .strict()

export const TerminalSchema = z
  .object({
    faint_penalty: z.number().min(-5).max(0).default(-1),
    eviction_penalty: z.number().min(-5).max(0).default(-2),
    /** Any other exit reason (a console kill, a reason a later lifecycle adds). */
    other_penalty: z.number().min(-5).max(0).default(0)
  })
  .strict()

export const RewardsSchema = z
  .object({
    needs_weights: NeedsWeightsSchema.default({ hunger: 1, hygiene: 0.6, energy: 0.8 }),
    decay_rates: DecayRatesSchema.default(() => DecayRatesSchema.parse({})),
    /** Paid every tick an agent is alive. */
    survival_tick: z.number().min(0).max(0.01).default(0.002),
    /**
     * Multiplies the needs penalty Σ weight × (1 − need)². Our tick is a minute and needs decay
     * ten times slower than the original's, whose unscaled penalty (≈ −0.6 for needs at half)
     * hit the per-tick clip nearly every tick, so a hungry agent and a starving one were paid the
     * same −0.2. At 0.05 the penalty spans 0 to −0.12 and stays inside the clip.
     */
    needs_penalty_scale: z.number().min(0).max(1).default(0.05),
    /** Multiplies the wage actually paid this tick (the job's wage while at work). */
    wage_weight: z.number().min(0).max(10).default(1),
    /** Paid every tick an agent is at work on a shift it was not late for (half the default wage: pay stays the main reason to work). */
    punctuality_bonus: z.number().min(0).max(0.1).default(0.01),
    terminal: TerminalSchema.default(() => TerminalSchema.parse({})),
    social: SocialRewardsSchema.default(() => SocialRewardsSchema.parse({})),
    social_schedule: z.array(SocialScheduleEntrySchema).max(1000).default([]),
    clip: ClipSchema.default(() => ClipSchema.parse({}))
  })
  .strict()
  .superRefine((r, ctx) => {
    // (The original checked punctuality_bonus ≤ needs_weights.hunger, which its own ranges made always true.)
    if (r.punctuality_bonus > r.clip.clip_per_tick) {
      ctx.addIssue({ code: 'custom', path: ['punctuality_bonus'], message: `punctuality_bonus (${r.punctuality_bonus}) is above clip.clip_per_tick (${r.clip.clip_per_tick}), which would cut it every tick: lower it or raise the clip` })
    }
    for (const key of ['faint_penalty', 'eviction_penalty', 'other_penalty'] as const) {
      if (-r.terminal[key] > r.clip.clip_per_episode) {
        ctx.addIssue({ code: 'custom', path: ['terminal', key], message: `terminal.${key} (${r.terminal[key]}) is beyond clip.clip_per_episode (${r.clip.clip_per_episode}): the episode clip would swallow part of it` })
      }
    }
    if (r.clip.clip_per_episode < r.clip.clip_per_tick) {
      ctx.addIssue({ code: 'custom', path: ['clip', 'clip_per_episode'], message: `clip_per_episode (${r.clip.clip_per_episode}) must be at least clip_per_tick (${r.clip.clip_per_tick})` })
    }
    const seen = new Map<string, number>()
    r.social_schedule.forEach((e, i) => {
      const key = e.cycle !== undefined ? `cycle ${e.cycle}` : `from_tick ${e.from_tick}`
      const first = seen.get(key)
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['social_schedule', i], message: `${key} is scheduled twice (also step ${first}): keep one stage per start` })
      } else seen.set(key, i)
    })
  })
