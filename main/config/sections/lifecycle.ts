import { z } from 'zod'

/** Built-in handlers the lifecycle may run when an agent leaves (see main/sim/lifecycle/lifecycle-hooks.ts). */
export const EXIT_HOOK_NAMES = ['log_exit', 'clear_cooldowns'] as const
/** Built-in handlers the lifecycle may run when a replacement arrives. */
export const SPAWN_HOOK_NAMES = ['log_spawn', 'inherit_wallet'] as const

/**
 * Exits and respawns. An agent leaves when it faints (hunger at or below `faint_hunger_threshold`
 * for `faint_after_ticks`) or is evicted (the employment exit queue, see `employment`). Every exit
 * passes the town-wide gate: at most one exit per `exit_cooldown_ticks` and `max_exits_per_day` a
 * day; an exit the gate holds back waits (the agent stays, flagged pending) instead of being lost.
 * A replacement arrives at the leaver's home `respawn_min_ticks`–`respawn_max_ticks` later (drawn
 * from the `world` stream) with a new job and fresh needs. The original had none of the gate and
 * replaced at once; the seeds ask for 5–20 ticks, a 120-tick cooldown and 2 exits a day.
 */
export const LifecycleSchema = z
  .object({
    /** Whether agents faint from hunger at all (the original's "mortality" switch). */
    fainting: z.boolean().default(true),
    /** Hunger at or below this counts as starving (the original fainted at once at 0.03). */
    faint_hunger_threshold: z.number().min(0).max(1).default(0.03),
    /**
     * Ticks an agent may starve before it faints (0: at once). 30 gives the scripted policy, which
     * eats first below `behavior.critical_threshold`, half an hour to find food after a dip.
     */
    faint_after_ticks: z.number().int().min(0).max(1_000_000).default(30),
    /** Town-wide: no two exits closer than this (0: no cooldown). */
    exit_cooldown_ticks: z.number().int().min(0).max(1_000_000).default(120),
    /** Town-wide: at most this many exits a day (0: no cap). */
    max_exits_per_day: z.number().int().min(0).max(100_000).default(2),
    /** Whether a leaver is replaced. */
    respawn: z.boolean().default(true),
    respawn_min_ticks: z.number().int().min(0).max(1_000_000).default(5),
    respawn_max_ticks: z.number().int().min(0).max(1_000_000).default(20),
    /** The replacement's job: the next job after the leaver's in config order, or one drawn from the `world` stream. */
    respawn_job: z.enum(['next', 'drawn']).default('next'),
    /** Handlers run, in order, after an agent has left. */
    exit_hooks: z.array(z.enum(EXIT_HOOK_NAMES)).max(16).default(['clear_cooldowns']),
    /** Handlers run, in order, after a replacement has arrived. */
    spawn_hooks: z.array(z.enum(SPAWN_HOOK_NAMES)).max(16).default([])
  })
  .strict()
  .superRefine((l, ctx) => {
    if (l.respawn_min_ticks > l.respawn_max_ticks) {
      ctx.addIssue({ code: 'custom', path: ['respawn_min_ticks'], message: `respawn_min_ticks (${l.respawn_min_ticks}) is above respawn_max_ticks (${l.respawn_max_ticks}): the delay is drawn from [min, max]` })
    }
  })

export type LifecycleConfig = z.infer<typeof LifecycleSchema>
export type ExitHookName = (typeof EXIT_HOOK_NAMES)[number]
export type SpawnHookName = (typeof SPAWN_HOOK_NAMES)[number]
