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

export const RewardsSchema = z
  .object({
    needs_weights: NeedsWeightsSchema.default({ hunger: 1, hygiene: 0.6, energy: 0.8 }),
    decay_rates: DecayRatesSchema.default(() => DecayRatesSchema.parse({}))
  })
  .strict()
