/**
 * The session timeline: keyframes every K ticks plus the input log let a client look at any tick
 * of the session (read-only, per client: the live town keeps running), and let an admin resume
 * from a past tick as a fork, keeping the abandoned future as a branch that can be reopened.
 */
import { z } from 'zod'
import { ObserverFullSchema } from './observer'

export const TimelineMarkKindSchema = z.enum(['alert', 'perturbation', 'console', 'bookmark', 'fork', 'snapshot'])
export type TimelineMarkKind = z.infer<typeof TimelineMarkKindSchema>

export const TimelineMarkSchema = z.object({ tick: z.number().int().nonnegative(), kind: TimelineMarkKindSchema, label: z.string().max(200) })
export type TimelineMark = z.infer<typeof TimelineMarkSchema>

export const TimelineBranchSchema = z.object({
  id: z.string().max(64),
  label: z.string().max(200),
  /** The tick this branch left its parent (the fork point), and the last tick it reached. */
  from_tick: z.number().int().nonnegative(),
  to_tick: z.number().int().nonnegative(),
  /** The branch the shard runs now. */
  current: z.boolean()
})
export type TimelineBranch = z.infer<typeof TimelineBranchSchema>

export const TimelineStatusSchema = z.object({
  /** The oldest tick still reachable (keyframes are dropped oldest first past the byte budget). */
  earliest_tick: z.number().int().nonnegative(),
  live_tick: z.number().int().nonnegative(),
  keyframe_every: z.number().int().positive(),
  keyframes: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  byte_budget: z.number().int().positive(),
  branches: z.array(TimelineBranchSchema),
  /** Bounded: the newest marks win. */
  marks: z.array(TimelineMarkSchema)
})
export type TimelineStatus = z.infer<typeof TimelineStatusSchema>

/** The town at a past tick, rebuilt from the nearest keyframe at or before it and replayed to it. */
export const TimelineFrameSchema = z.object({
  tick: z.number().int().nonnegative(),
  /** The state hash at that tick: a replay gives the same hashes tick for tick. */
  hash: z.string(),
  frame: ObserverFullSchema,
  /** That tick's events, counted by type (stepping forward replays every tick, so none is skipped). */
  events: z.record(z.string(), z.number().int().nonnegative())
})
export type TimelineFrame = z.infer<typeof TimelineFrameSchema>
