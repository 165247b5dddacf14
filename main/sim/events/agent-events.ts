/** Agents arriving, moving by the console's hand, and leaving (main/sim/agents, main/sim/lifecycle). */
import { z } from 'zod'
import { agentId, amount, count, int, jobId, tickNumber } from './event-fields'

/** Why the lifecycle takes an agent out of the town (lifecycle-state.ts `ExitReason`). */
export const EXIT_REASONS = ['faint', 'eviction'] as const
const exitReason = z.enum(EXIT_REASONS)
const home = z.string().nullable()

export const AGENT_EVENTS = {
  /** The console (or a scenario) added an agent. */
  agent_spawned: z.strictObject({ agent_id: agentId, x: int, y: int, home, job: jobId.nullable() }),
  agent_teleported: z.strictObject({ agent_id: agentId, x: int, y: int }),
  /** The console removed an agent (`kill`); `reason` is the operator's, `console` by default. */
  agent_killed: z.strictObject({ agent_id: agentId, reason: z.string() }),
  /** The lifecycle took an agent out of the town. */
  agent_exit: z.strictObject({ agent_id: agentId, reason: exitReason, job_id: jobId.nullable() }),
  /** An exit the gate holds back, said once when first held. */
  agent_exit_deferred: z.strictObject({ agent_id: agentId, reason: exitReason, blocked_by: z.enum(['suppressed', 'cooldown', 'daily_cap']), pending_since: tickNumber }),
  /** A fainted agent recovered before the gate let it go. */
  agent_exit_cancelled: z.strictObject({ agent_id: agentId, reason: z.literal('faint'), why: z.literal('recovered') }),
  /** The `log_exit` hook: what the leaver left with. */
  agent_exit_record: z.strictObject({
    agent_id: agentId,
    reason: exitReason,
    home,
    x: int,
    y: int,
    hunger: amount,
    hygiene: amount,
    energy: amount,
    wallet: amount,
    meals_eaten: count,
    shifts_done: count
  }),
  /** The `log_spawn` hook: what a replacement starts with. */
  agent_spawn_record: z.strictObject({ agent_id: agentId, original_agent_id: agentId, home, job_id: jobId.nullable(), hunger: amount, hygiene: amount, energy: amount, wallet: amount }),
  /** A replacement arrived for `original_agent_id` (whose own line began with `origin_agent_id`). */
  agent_respawn: z.strictObject({ agent_id: agentId, original_agent_id: agentId, origin_agent_id: agentId, home, job_id: jobId.nullable(), x: int, y: int })
} as const
