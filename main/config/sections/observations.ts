import { z } from 'zod'

/**
 * How each agent's observation is built (main/policy/observations). The variant itself is chosen
 * in `features.systems.observations`; these are its knobs. Windows are odd so the agent sits in
 * the centre cell.
 */
const oddWindow = (fallback: number) =>
  z
    .number()
    .int()
    .min(3)
    .max(31)
    .refine((n) => n % 2 === 1, 'a window must be odd (3, 5, 7 …) so the agent sits in its centre cell')
    .default(fallback)

export const ObservationsSchema = z
  .object({
    hybrid: z.object({ local_window: oddWindow(11) }).strict().default({ local_window: 11 }),
    full: z.object({ local_window: oddWindow(11) }).strict().default({ local_window: 11 }),
    compact: z
      .object({
        map_window: oddWindow(7),
        /** Clamp per-tile counts to 1 (agents, objects, objects of a type). */
        normalize_counts: z.boolean().default(true)
      })
      .strict()
      .default({ map_window: 7, normalize_counts: true }),
    /** Add direction and distance to the nearest fridge, stove, bed and shower, and to the work tile (+15 features). */
    include_targets: z.boolean().default(true),
    /** Add the agent's personality traits (+3 features). */
    personality_channels: z.boolean().default(false),
    social: z
      .object({
        top_friends: z.number().int().min(0).max(8).default(2),
        top_rivals: z.number().int().min(0).max(8).default(2),
        /** Values per slot for the other agent's identity embedding. */
        embed_dim: z.number().int().min(1).max(32).default(8),
        include_aggregates: z.boolean().default(true)
      })
      .strict()
      .default({ top_friends: 2, top_rivals: 2, embed_dim: 8, include_aggregates: true }),
    embedding: z
      .object({
        /** Slots an agent's identity can occupy; more living agents than slots leaves the rest without one (counted). */
        max_slots: z.number().int().min(1).max(100_000).default(1024),
        /** A released slot rests this many ticks before another agent gets it. */
        cooldown_ticks: z.number().int().min(0).max(1_000_000).default(2000),
        /** Forced reuse (a slot still cooling down) above this share of allocations raises a warning. */
        reuse_warning_threshold: z.number().gt(0).max(1).default(0.05)
      })
      .strict()
      .default({ max_slots: 1024, cooldown_ticks: 2000, reuse_warning_threshold: 0.05 })
  })
  .strict()

export type ObservationsConfig = z.infer<typeof ObservationsSchema>
