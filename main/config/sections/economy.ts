import { z } from 'zod'

const money = z.number().min(0).max(1_000_000)

/**
 * Prices, wages, restocking and utilities. Affordances name their cost by key (`cost: meal_cost`),
 * so later price changes (perturbations, console commands) apply everywhere at once.
 */
export const EconomySchema = z
  .object({
    /** Charged when an agent takes a meal from a fridge. */
    meal_cost: money.default(0.4),
    /** Charged when an agent cooks at a stove (cheaper than a bought meal, but slower). */
    ingredients_cost: money.default(0.15),
    /** Default wage per tick worked, for jobs that set no wage of their own. */
    wage_income: money.default(0.02),
    /** Every this many ticks fridges and stoves get fresh stock (a delivery). */
    restock_interval_ticks: z.number().int().min(1).max(1_000_000).default(200),
    /** Meals delivered to each fridge per restock, up to `fridge_capacity`. */
    fridge_restock: z.number().int().min(0).max(1000).default(2),
    fridge_capacity: z.number().int().min(1).max(1000).default(10),
    /** Ingredients delivered to each stove per restock, up to `stove_capacity`. */
    stove_restock: z.number().int().min(0).max(1000).default(2),
    stove_capacity: z.number().int().min(1).max(1000).default(10),
    /** Utilities at the start; preconditions read them as `utilities.power` / `utilities.water`. */
    utilities: z
      .object({ power: z.boolean().default(true), water: z.boolean().default(true) })
      .strict()
      .default({ power: true, water: true })
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.fridge_restock > e.fridge_capacity) {
      ctx.addIssue({ code: 'custom', path: ['fridge_restock'], message: `fridge_restock (${e.fridge_restock}) exceeds fridge_capacity (${e.fridge_capacity}): lower it or raise the capacity` })
    }
    if (e.stove_restock > e.stove_capacity) {
      ctx.addIssue({ code: 'custom', path: ['stove_restock'], message: `stove_restock (${e.stove_restock}) exceeds stove_capacity (${e.stove_capacity}): lower it or raise the capacity` })
    }
  })

/** The economy keys an affordance may name as its cost. */
export const COST_KEYS = ['meal_cost', 'ingredients_cost'] as const
