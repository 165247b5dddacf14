import { z } from 'zod'
import { ShardStatusSchema } from './shard-status'

/** Version of the frame DTO; bump when its shape changes. */
export const FRAME_SCHEMA_VERSION = 1

/**
 * A coalesced view of the shard for the renderer. The world section stays empty until the
 * engine lands; later issues extend it with versioned fields.
 */
export const FrameSchema = z.object({
  schema_version: z.literal(FRAME_SCHEMA_VERSION),
  /** Monotonic per host session, so a client can tell a stale frame from a new one. */
  frame_seq: z.number().int().nonnegative(),
  status: ShardStatusSchema,
  world: z.object({ agents: z.number().int().nonnegative() })
})
export type Frame = z.infer<typeof FrameSchema>
