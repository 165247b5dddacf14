/** Prices, utilities and stock (main/sim/systems/economy-*.ts, main/sim/perturbations/economy-effects.ts). */
import { z } from 'zod'
import { SPIKE_KEYS } from '../../config/sections/perturbations'

/** Set by a perturbation; absent when the console set it. */
const cause = z.literal('perturbation').optional()

export const ECONOMY_EVENTS = {
  price_changed: z.strictObject({ key: z.enum(SPIKE_KEYS), before: z.number(), value: z.number(), cause }),
  utility_changed: z.strictObject({ utility: z.enum(['power', 'water']), on: z.boolean(), cause }),
  /** Units restocked across the town at a restock tick. */
  stock_replenished: z.strictObject({ units: z.number().positive() })
} as const
