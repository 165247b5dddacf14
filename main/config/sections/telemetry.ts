import { z } from 'zod'

/** Stability monitor, KPIs and narration (engine issue II): filled in by the telemetry side. */
export const StabilitySchema = z.object({}).strict()
export const NarrationSchema = z.object({}).strict()
