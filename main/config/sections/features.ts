import { z } from 'zod'

/** Which optional systems run and at what stage; the later engine issues read these. */
export const FeaturesSchema = z
  .object({
    stages: z
      .object({
        relationships: z.enum(['OFF', 'A', 'B', 'C1', 'C2', 'C3']).default('OFF'),
        social_rewards: z.enum(['OFF', 'C1', 'C2', 'C3']).default('OFF')
      })
      .strict()
      .default({ relationships: 'OFF', social_rewards: 'OFF' }),
    systems: z
      .object({
        lifecycle: z.enum(['on', 'off']).default('on'),
        observations: z.enum(['full', 'hybrid', 'compact']).default('hybrid')
      })
      .strict()
      .default({ lifecycle: 'on', observations: 'hybrid' })
  })
  .strict()
