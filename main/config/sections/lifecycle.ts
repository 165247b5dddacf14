import { z } from 'zod'

/** Exits and respawns (engine issue II): filled in by the lifecycle system. */
export const LifecycleSchema = z.object({}).strict()
