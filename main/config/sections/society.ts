import { z } from 'zod'

/**
 * Relationships, chat and rivalry (main/sim/society). Every agent keeps a small ledger of ties
 * {other, trust, familiarity, rivalry}: ONE rivalry value per directed pair feeds avoidance,
 * chat, observations and scoring (the original kept a rivalry ledger and a tie rivalry side by
 * side, decaying at different rates; we do not). Ledgers are bounded per agent, so a 10,000-agent
 * town costs O(agents + ties) a tick, never O(agents²).
 */

const unit = z.number().min(0).max(1)
const rate = (fallback: number) => z.number().min(0).max(0.1).default(fallback)
const weight = (fallback: number) => unit.default(fallback)

/** Per-tie bookkeeping: how many an agent keeps, how fast the friendly parts fade, when a tie goes. */
export const TiesSchema = z
  .object({
    /** Ties one agent keeps; the weakest gives way when a new one would exceed it. */
    max_per_agent: z.number().int().min(1).max(32).default(6),
    /** A tie whose rivalry, |trust| and familiarity are all at or below this is removed. */
    removal_floor: unit.default(0.01),
    /** Trust fades towards 0 by this much a tick (a day at 1,440 ticks forgets ~0.29). */
    trust_decay_per_tick: rate(0.0002),
    familiarity_decay_per_tick: rate(0.0002)
  })
  .strict()

/** Rivalry from queue conflicts: gain = increment × intensity × boost(reason) × personality. */
export const RivalrySchema = z
  .object({
    increment_per_conflict: unit.default(0.15),
    /** A ghost step (a stalled holder evicted) stings more than a handover. */
    ghost_step_boost: z.number().min(0).max(5).default(1.5),
    handover_boost: z.number().min(0).max(5).default(0.4),
    /** Fades 0.72 a day at 1,440 ticks: a strong grudge lasts about a day (the original's 0.005 emptied it in two hours). */
    decay_per_tick: unit.default(0.0005),
    min_value: unit.default(0),
    max_value: unit.default(1),
    /** At or above this an agent avoids the other: no chat with it, not its object when another exists. */
    avoid_threshold: unit.default(0.7)
  })
  .strict()

/** Chat between agents standing together (same or adjacent tile), both idle or at work. */
export const ChatSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** After a chat (either side, either outcome) an agent waits this long before the next. */
    cooldown_ticks: z.number().int().min(1).max(100_000).default(60),
    /** Chance a tick that an eligible agent starts a chat, before personality. */
    chance: unit.default(0.02),
    /** quality = base + weights × the speaker's tie − rivalry × the listener's + spread × (draw − ½). */
    base_quality: weight(0.5),
    quality_spread: weight(0.4),
    quality_trust: weight(0.2),
    quality_familiarity: weight(0.1),
    quality_rivalry: weight(0.5),
    /** A chat of lower quality fails. */
    failure_below: weight(0.25),
    /** On success each side gains trust and familiarity × quality. */
    trust_gain: weight(0.1),
    familiarity_gain: weight(0.2),
    /** On failure each side's rivalry rises by this (× personality). */
    failure_rivalry: weight(0.05)
  })
  .strict()

export const PROFILE_NAMES = ['balanced', 'industrious', 'socialite', 'stoic'] as const
export type ProfileName = (typeof PROFILE_NAMES)[number]

const trait = z.number().min(-1).max(1)

/** One agent's personality, pinned by id: a profile, and/or traits that replace the profile's. */
export const PersonalityOverrideSchema = z
  .object({
    profile: z.enum(PROFILE_NAMES).optional(),
    extroversion: trait.optional(),
    forgiveness: trait.optional(),
    ambition: trait.optional()
  })
  .strict()

/** How much each trait moves what it touches (all multipliers are floored at 0). */
export const PersonalityEffectsSchema = z
  .object({
    /** chat chance × (1 + this × extroversion) */
    chat_chance: weight(1),
    /** chat quality + this × the pair's mean extroversion */
    chat_quality: weight(0.3),
    /** rivalry gain × (1 + this × ambition) */
    rivalry_ambition: weight(0.3),
    /** rivalry gain × (1 − this × forgiveness) */
    rivalry_forgiveness: weight(0.5),
    /** rivalry decay × (1 + this × forgiveness) */
    decay_forgiveness: weight(0.5)
  })
  .strict()

const profileWeight = z.number().min(0).max(1000)

export const PersonalitiesSchema = z
  .object({
    /** Relative weights of the built-in profiles; each agent draws one from a hash of seed and id. */
    distribution: z
      .object({ balanced: profileWeight.optional(), industrious: profileWeight.optional(), socialite: profileWeight.optional(), stoic: profileWeight.optional() })
      .strict()
      .default({ balanced: 0.4, industrious: 0.2, socialite: 0.2, stoic: 0.2 }),
    overrides: z.record(z.string().min(1).max(64), PersonalityOverrideSchema).default({}),
    effects: PersonalityEffectsSchema.default(() => PersonalityEffectsSchema.parse({}))
  })
  .strict()
  .superRefine((p, ctx) => {
    const total = Object.values(p.distribution).reduce((sum: number, w) => sum + (w ?? 0), 0)
    if (total <= 0) ctx.addIssue({ code: 'custom', path: ['distribution'], message: `the profile weights sum to 0: give at least one of ${PROFILE_NAMES.join(', ')} a weight above 0` })
  })

export const SocietySchema = z
  .object({
    ties: TiesSchema.default(() => TiesSchema.parse({})),
    rivalry: RivalrySchema.default(() => RivalrySchema.parse({})),
    chat: ChatSchema.default(() => ChatSchema.parse({})),
    personalities: PersonalitiesSchema.default(() => PersonalitiesSchema.parse({}))
  })
  .strict()
  .superRefine((s, ctx) => {
    const { min_value: min, max_value: max, avoid_threshold: avoid } = s.rivalry
    const floor = s.ties.removal_floor
    if (min >= max) {
      ctx.addIssue({ code: 'custom', path: ['rivalry', 'min_value'], message: `rivalry.min_value (${min}) must be below rivalry.max_value (${max})` })
      return
    }
    if (avoid < min || avoid > max) {
      ctx.addIssue({ code: 'custom', path: ['rivalry', 'avoid_threshold'], message: `rivalry.avoid_threshold (${avoid}) must lie within [min_value ${min}, max_value ${max}]` })
    }
    // A floor below min_value could never be reached; one at or above the avoid threshold would
    // remove a tie while its owner still avoids the other.
    if (floor < min || floor >= avoid) {
      ctx.addIssue({ code: 'custom', path: ['ties', 'removal_floor'], message: `ties.removal_floor (${floor}) must be at least rivalry.min_value (${min}) and below rivalry.avoid_threshold (${avoid})` })
    }
  })

export type SocietyConfig = z.infer<typeof SocietySchema>
