/** The society's commands: two read-only views (`conflict_status`, `rivalry_dump`), then the admin's `force_chat`. */
import { z } from 'zod'
import { idArg, unitArg } from './arg-types'
import { defineDescriptor } from './descriptor'
import { ConflictStatusSchema } from './telemetry-results'

/** The most entries one conflict_status answer lists; the caches may hold more (telemetry.conflict_history_limit). */
export const MAX_CONFLICT_ENTRIES = 256
const entries = (what: string) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_CONFLICT_ENTRIES)
    .default(10)
    .describe(`how many of the latest ${what} to list (default 10)`)

export const conflictStatusDescriptor = defineDescriptor({
  name: 'conflict_status',
  role: 'viewer',
  destructive: false,
  help: 'Queue counters (ghost steps, rotations, cooldown refusals), society counters, the top 10 rivalries, the most contended objects and the latest rivalry changes; then the latest history queue-history entries (delta, totals, conflicts), the latest rivalries rivalry events (changes and avoidances) and the active alerts.',
  args: z.object({ history: entries('queue-history entries'), rivalries: entries('rivalry events') }).strict(),
  result: ConflictStatusSchema
})

export const rivalryDumpDescriptor = defineDescriptor({
  name: 'rivalry_dump',
  role: 'viewer',
  destructive: false,
  help: "One agent's rivals, strongest first, with its personality; or, without agent, every rival pair, strongest first.",
  args: z
    .object({
      agent: idArg('the agent whose rivals to list (default: every pair)').optional(),
      limit: z.number().int().min(1).max(1000).optional().describe('at most this many rows (default 20)')
    })
    .strict()
})

export const forceChatDescriptor = defineDescriptor({
  name: 'force_chat',
  role: 'admin',
  destructive: false,
  help: 'Make two agents chat now, wherever they stand: success raises their trust and familiarity, failure (rivals, or quality below chat.failure_below) their rivalry.',
  args: z
    .object({
      speaker: idArg('the agent who starts the chat, e.g. "alice"'),
      listener: idArg('the agent spoken to, e.g. "bob"'),
      quality: unitArg('how well it goes, 0 to 1 (default: what their ties and personalities give)').optional()
    })
    .strict()
})
