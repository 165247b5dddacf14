/**
 * The typed, sequence-numbered protocol between the host (main thread) and the shard worker.
 * Every request carries a `seq`; the worker answers each with exactly one reply of the same seq.
 * Frames and log lines flow from the worker unprompted. Both sides validate what they receive.
 */
import { z } from 'zod'
import { ConfigSummarySchema } from '../../shared/contract/dto/config-summary'
import { LogLevelSchema } from '../../shared/contract/dto/events'
import { FrameSchema } from '../../shared/contract/dto/frame'
import { ObserverFrameSchema } from '../../shared/contract/dto/observer'
import { ShardStatusSchema, SpeedSchema } from '../../shared/contract/dto/shard-status'
import { resultSchema } from '../../shared/result-schema'
import { ShardConfigSchema } from '../config/shard-config-schema'
import { AffordanceManifestSchema } from '../sim/affordances/manifest-schema'
import { ConsoleResultSchema } from '../../shared/contract/dto/console'
import { ConsoleEnvelopeSchema } from '../console/envelope'
import { AgentDetailSchema } from '../../shared/contract/dto/society'
import { DecisionTraceSchema, PolicyStatusSchema } from '../../shared/contract/dto/policy'
import {
  MigrationPreviewSchema,
  SnapshotDiffSchema,
  SnapshotEntrySchema,
  SnapshotInspectionSchema,
  SnapshotListSchema,
  SnapshotNameSchema,
  SnapshotVerdictSchema
} from '../../shared/contract/dto/snapshots'
import { TimelineFrameSchema, TimelineStatusSchema } from '../../shared/contract/dto/timeline'
import { TimelineBranchIdSchema, TimelineLabelSchema, TimelineTickSchema } from '../../shared/contract/channels'
import { TelemetryStatusSchema } from '../../shared/contract/dto/telemetry'

export const AffordanceSourceSchema = z.object({ source: z.string(), sha256: z.string(), manifest: AffordanceManifestSchema })
export const LoadedConfigSchema = z.object({ config: ShardConfigSchema, summary: ConfigSummarySchema, affordances: AffordanceSourceSchema })

/** What the worker reports: the contract's status less the host's own fields, plus the world summary. */
export const ShardViewSchema = ShardStatusSchema.omit({ restarts: true }).extend({ world: FrameSchema.shape.world })

/** How a step request ended: its last view, and the ticks asked for and run (fewer when cut short). */
export const StepOutcomeSchema = z.object({ view: ShardViewSchema, requested: z.number().int().nonnegative(), done: z.number().int().nonnegative() })

const seq = z.number().int().nonnegative()

/** Lines per telemetry batch, and the longest line: a message that big is a bug, and is dropped in the worker. */
export const TELEMETRY_BATCH_MAX_LINES = 4096
export const TELEMETRY_LINE_MAX_CHARS = 1024 * 1024

/** A snapshot request (shard-snapshots.ts): files are named inside the storage root, read and written by the worker. */
export const SnapshotRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('save'), gzip: z.boolean().optional(), label: z.string().max(80).optional() }).strict(),
  z.object({ op: z.literal('list') }).strict(),
  z.object({ op: z.literal('inspect'), name: SnapshotNameSchema }).strict(),
  z.object({ op: z.literal('validate'), name: SnapshotNameSchema, strict: z.boolean().optional() }).strict(),
  z.object({ op: z.literal('migrate-preview'), name: SnapshotNameSchema }).strict(),
  z.object({ op: z.literal('migrate'), name: SnapshotNameSchema }).strict(),
  z.object({ op: z.literal('load'), name: SnapshotNameSchema }).strict(),
  z.object({ op: z.literal('diff'), a: SnapshotNameSchema, b: SnapshotNameSchema }).strict()
])
export type SnapshotRequest = z.infer<typeof SnapshotRequestSchema>
export type SnapshotOp = SnapshotRequest['op']

/** What each snapshot request is answered with (a load: the shard's view after it); the host checks it. */
export const SNAPSHOT_REPLIES = {
  save: SnapshotEntrySchema,
  list: SnapshotListSchema,
  inspect: SnapshotInspectionSchema,
  validate: SnapshotVerdictSchema,
  'migrate-preview': MigrationPreviewSchema,
  migrate: SnapshotEntrySchema,
  load: ShardViewSchema,
  diff: SnapshotDiffSchema
} as const satisfies Record<SnapshotOp, z.ZodType>
export type SnapshotReply<O extends SnapshotOp> = z.infer<(typeof SNAPSHOT_REPLIES)[O]>

/** A timeline request (shard-timeline.ts): look (status, frame), mark, or resume from the past (fork, reopen). */
export const TimelineRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('status') }).strict(),
  z.object({ op: z.literal('frame'), tick: TimelineTickSchema }).strict(),
  z.object({ op: z.literal('fork'), tick: TimelineTickSchema }).strict(),
  z.object({ op: z.literal('reopen'), branch: TimelineBranchIdSchema }).strict(),
  z.object({ op: z.literal('bookmark'), tick: TimelineTickSchema, label: TimelineLabelSchema }).strict()
])
export type TimelineRequest = z.infer<typeof TimelineRequestSchema>
export type TimelineOp = TimelineRequest['op']

/** What each timeline request is answered with (a fork or reopen: the shard's view after it; a bookmark: the status). */
export const TIMELINE_REPLIES = {
  status: TimelineStatusSchema,
  frame: TimelineFrameSchema,
  fork: ShardViewSchema,
  reopen: ShardViewSchema,
  bookmark: TimelineStatusSchema
} as const satisfies Record<TimelineOp, z.ZodType>
export type TimelineReply<O extends TimelineOp> = z.infer<(typeof TIMELINE_REPLIES)[O]>

export const HostToWorkerSchema = z.discriminatedUnion('type', [
  /** Start the shard; `files` says where model paths (policy_swap, a config's model) may come from. */
  z.object({ type: z.literal('init'), seq, loaded: LoadedConfigSchema, files: z.object({ roots: z.array(z.object({ name: z.string(), path: z.string() })), base: z.string() }) }),
  z.object({ type: z.literal('load-config'), seq, loaded: LoadedConfigSchema }),
  z.object({ type: z.literal('start'), seq }),
  z.object({ type: z.literal('pause'), seq }),
  z.object({ type: z.literal('resume'), seq }),
  z.object({ type: z.literal('step'), seq, ticks: z.number().int().positive() }),
  z.object({ type: z.literal('set-speed'), seq, speed: SpeedSchema }),
  z.object({ type: z.literal('status'), seq }),
  /** Swap in a new affordance registry between ticks (hot reload); refused if the map uses an object type it lacks. */
  z.object({ type: z.literal('reload-affordances'), seq, affordances: AffordanceSourceSchema }),
  /** Test-only: throw from the worker's loop so the crash path can be exercised for real. */
  z.object({ type: z.literal('crash'), seq }),
  /** An operator command, role and issuer stamped by the host; answered by a `console-reply`. */
  z.object({ type: z.literal('console'), seq, envelope: ConsoleEnvelopeSchema }),
  /** One agent in depth for the inspector; answered by an `agent-detail-reply`. */
  z.object({ type: z.literal('agent-detail'), seq, id: z.string() }),
  /** The policy runtime's status; answered by a `policy-status-reply` (the host adds the model list). */
  z.object({ type: z.literal('policy-status'), seq }),
  /** One agent's decision trace; answered by a `policy-trace-reply`. */
  z.object({ type: z.literal('policy-trace'), seq, id: z.string() }),
  /** A snapshot request; answered by a `snapshot-reply` (its value: see SNAPSHOT_REPLIES). */
  z.object({ type: z.literal('snapshot'), seq, request: SnapshotRequestSchema }),
  /** A timeline request; answered by a `timeline-reply` (its value: see TIMELINE_REPLIES). */
  z.object({ type: z.literal('timeline'), seq, request: TimelineRequestSchema }),
  /** The host took the last observer frame; the worker may send the next. Not answered. */
  z.object({ type: z.literal('observer-ack'), seq }),
  /**
   * Stream the telemetry messages to the host (docs/telemetry.md, "In the app"), queued in at most
   * `max_buffer_bytes` while the host has a batch unread; `enabled: false` stops. Not answered.
   */
  z.object({ type: z.literal('telemetry'), seq, enabled: z.boolean(), max_buffer_bytes: z.number().int().min(1024).max(1024 * 1024 * 1024) }),
  /** The host took the last telemetry batch; the worker may send the next. Not answered. */
  z.object({ type: z.literal('telemetry-ack'), seq }),
  /** The host's transport status, for loop.health and telemetry_snapshot. Not answered. */
  z.object({ type: z.literal('telemetry-status'), seq, status: TelemetryStatusSchema })
])
export type HostToWorker = z.infer<typeof HostToWorkerSchema>
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
/** A request before the client numbers it. */
export type HostRequest = DistributiveOmit<HostToWorker, 'seq'>

export const WorkerToHostSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('reply'),
    seq,
    result: resultSchema(ShardViewSchema),
    /** The observer frame for this change comes right after the reply (see Shard.emit). */
    frame_follows: z.boolean().optional()
  }),
  z.object({ type: z.literal('frame'), view: ShardViewSchema }),
  z.object({ type: z.literal('observer'), frame: ObserverFrameSchema }),
  /** A log line; `detail` (a stack trace) goes to the host's own log only. */
  z.object({ type: z.literal('log'), level: LogLevelSchema, message: z.string(), detail: z.string().optional() }),
  /** The immediate answer to a `console` request: final, or `queued`. */
  z.object({ type: z.literal('console-reply'), seq, result: ConsoleResultSchema }),
  z.object({ type: z.literal('agent-detail-reply'), seq, result: resultSchema(AgentDetailSchema) }),
  z.object({ type: z.literal('policy-status-reply'), seq, result: resultSchema(PolicyStatusSchema.omit({ models: true })) }),
  z.object({ type: z.literal('policy-trace-reply'), seq, result: resultSchema(DecisionTraceSchema) }),
  /** The final result of a queued console command, after its tick ran. */
  z.object({ type: z.literal('console-result'), result: ConsoleResultSchema }),
  /** The answer to a `step`: how far it got (a pause, a start or a config load cut it short). */
  z.object({ type: z.literal('step-reply'), seq, result: resultSchema(StepOutcomeSchema), frame_follows: z.boolean().optional() }),
  /** The answer to a `snapshot` request, checked by the host against SNAPSHOT_REPLIES[op]. */
  z.object({ type: z.literal('snapshot-reply'), seq, result: resultSchema(z.unknown()), frame_follows: z.boolean().optional() }),
  /** The answer to a `timeline` request, checked by the host against TIMELINE_REPLIES[op]. */
  z.object({ type: z.literal('timeline-reply'), seq, result: resultSchema(z.unknown()), frame_follows: z.boolean().optional() }),
  /** A snapshot file appeared without a request (an autosave): the host tells clients their lists are stale. */
  z.object({ type: z.literal('snapshot-stored'), name: SnapshotNameSchema, reason: z.literal('autosaved') }),
  /**
   * Telemetry stream messages, one JSON text each, in order; `dropped` counts (since the stream
   * began) those the worker dropped, oldest first, because the host had not taken the last batch.
   */
  z.object({
    type: z.literal('telemetry-batch'),
    lines: z.array(z.string().max(TELEMETRY_LINE_MAX_CHARS)).max(TELEMETRY_BATCH_MAX_LINES),
    tick: z.number().int().nonnegative().nullable(),
    dropped: z.number().int().nonnegative()
  }),
  /** A long request is still working (a step: ticks done of total); the host waits on. */
  z.object({ type: z.literal('progress'), seq, done: z.number().int().nonnegative(), total: z.number().int().nonnegative() })
])
export type WorkerToHost = z.infer<typeof WorkerToHostSchema>
export type ShardViewDto = z.infer<typeof ShardViewSchema>
export type StepOutcomeDto = z.infer<typeof StepOutcomeSchema>
