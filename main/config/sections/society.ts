import { z } from 'zod'

/** Relationships, chat and rivalry (engine issue II): filled in by the society system. */
export const SocietySchema = z.object({}).strict()
