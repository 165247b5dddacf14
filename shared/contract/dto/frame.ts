import { z } from 'zod'
import { ShardStatusSchema } from './shard-status'
import { WorldSummarySchema } from './world-summary'

/** Version of the frame DTO; bump when its shape changes. */
export const FRAME_SCHEMA_VERSION = 2

/**
 * A coalesced view of the shard for the renderer: the clock's status and the town's live
 * statistics. Later issues extend it with versioned fields.
 */
export const FrameSchema = z.object({
  schema_version: z.literal(FRAME_SCHEMA_VERSION),
  /** Monotonic per host session, so a client can tell a stale frame from a new one. */
  frame_seq: z.number().int().nonnegative(),
  status: ShardStatusSchema,
  world: WorldSummarySchema
})
export type Frame = z.infer<typeof FrameSchema>
