/** The timeline's options from a shard config's `snapshot.timeline` block (validated by its zod schema). */
import type { ShardConfig } from '../../config/shard-config-schema'
import type { SessionTimelineOptions } from './session-timeline'

export function timelineOptionsOf(config: ShardConfig): SessionTimelineOptions {
  const { keyframe_every, byte_budget } = config.snapshot.timeline
  return { keyframeEvery: keyframe_every, byteBudget: byte_budget }
}
