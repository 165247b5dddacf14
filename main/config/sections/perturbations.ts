import { z } from 'zod'

/** The perturbation scheduler (engine issue II): filled in by the scheduler. */
export const PerturbationsSchema = z.object({}).strict()
