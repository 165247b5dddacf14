/**
 * The contract: every channel between the renderer and the host, in one table.
 * Main, preload, renderer, the browser-mode socket and the tests all derive from it.
 * Invoke channels are requests with a reply; event channels are pushed by the host.
 * Every channel names the role it needs beside its schemas: viewers read; anything that changes
 * the shard (its clock, config, worker or town) is `admin`. The registry checks the role first.
 */
import { z } from 'zod'
import { event, invoke } from './channel'
import { AppInfoSchema } from './dto/app-info'
import { CommandInfoSchema, ConsoleResultSchema, ConsoleRunSchema, ConsoleSessionSchema } from './dto/console'
import { ObserverFrameSchema, ObserverFullSchema } from './dto/observer'
import { AgentDetailSchema } from './dto/society'
import { DecisionTraceSchema, PolicyStatusSchema } from './dto/policy'
import { ConfigFileSchema, ConfigSummarySchema } from './dto/config-summary'
import { LogEntrySchema, LoopFailureSchema } from './dto/events'
import { FrameSchema } from './dto/frame'
import { SessionHistorySchema } from './dto/session-history'
import { HistoryRunDetailSchema, HistoryRunsSchema } from './dto/history'
import { ShardStatusSchema, SpeedSchema, StepStatusSchema } from './dto/shard-status'
import {
  MigrationPreviewSchema,
  SnapshotDiffSchema,
  SnapshotEntrySchema,
  SnapshotInspectionSchema,
  SnapshotListSchema,
  SnapshotNameSchema,
  SnapshotVerdictSchema
} from './dto/snapshots'
import { TimelineFrameSchema, TimelineStatusSchema } from './dto/timeline'
import { TelemetryStatusSchema } from './dto/telemetry'

const Empty = z.object({}).strict()

/** A tick of the session: a whole number JSON carries exactly (the timeline says whether it is reachable). */
export const TimelineTickSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
/** A branch id as timeline.status lists them (`b1`, `b2` …); anything else is not one. */
export const TimelineBranchIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a branch id as timeline.status lists it')
/** A bookmark's label: control characters are stripped when it is marked. */
export const TimelineLabelSchema = z.string().max(200)

/** Upper bound for one step request; larger runs belong to `start` or the CLI. */
export const MAX_STEP_TICKS = 100_000

export const invokeChannels = {
  'app.info': invoke('viewer', Empty, AppInfoSchema, 'Describe the host: Electron or browser mode, version, capabilities.'),
  'shard.status': invoke('viewer', Empty, ShardStatusSchema, 'Current clock state, tick, speed and config identity.'),
  'session.history': invoke(
    'viewer',
    Empty,
    SessionHistorySchema,
    'For a client that joins late: the latest frame and the recent log lines, tick rate, mean needs and KPI windows (bounded).'
  ),
  'shard.start': invoke('admin', Empty, ShardStatusSchema, 'Start the clock (or resume it when paused).'),
  'shard.pause': invoke('admin', Empty, ShardStatusSchema, 'Pause the clock at the next tick boundary.'),
  'shard.resume': invoke('admin', Empty, ShardStatusSchema, 'Resume a paused clock.'),
  'shard.step': invoke(
    'admin',
    z.object({ ticks: z.number().int().min(1).max(MAX_STEP_TICKS) }).strict(),
    StepStatusSchema,
    'Pause, then advance N ticks; frames report progress meanwhile, and Pause (or Start, or a config load) cuts it short. The reply says how many ran.'
  ),
  'shard.set-speed': invoke(
    'admin',
    z.object({ speed: SpeedSchema }).strict(),
    ShardStatusSchema,
    'Set the target speed in ticks per second, or "max".'
  ),
  'shard.restart': invoke(
    'admin',
    z.object({ snapshot: SnapshotNameSchema.optional() }).strict(),
    ShardStatusSchema,
    'Start a fresh worker with the last good config after a failure; with `snapshot` (a file in the storage root, e.g. the autosave loop.failure offers) it then loads that town.'
  ),
  'config.load': invoke(
    'admin',
    z.object({ path: z.string().min(1) }).strict(),
    ConfigSummarySchema,
    'Load a shard config from a YAML file; the running shard keeps its config if this fails.'
  ),
  'config.list': invoke('viewer', Empty, z.array(ConfigFileSchema), 'List the YAML configs in the configs folder.'),
  'config.pick': invoke(
    'admin',
    Empty,
    z.object({ path: z.string().nullable() }),
    'Open the native file dialog (Electron only); null when cancelled.'
  ),
  'console.run': invoke(
    'viewer',
    ConsoleRunSchema,
    ConsoleResultSchema,
    'Run an operator command. Mutating commands answer `queued` and apply at the next tick boundary; the final result follows as a console.result event.'
  ),
  'console.session': invoke('viewer', Empty, ConsoleSessionSchema, "This session's role (viewer unless an admin token was given) and whether admin is available."),
  'console.auth': invoke(
    'viewer',
    z.object({ token: z.string().max(4096).nullable() }).strict(),
    ConsoleSessionSchema,
    'Present the admin token to become admin for this session; null returns to viewer.'
  ),
  'console.commands': invoke('viewer', Empty, z.array(CommandInfoSchema), 'Every console command with its role, arguments and help.'),
  'observer.full': invoke('viewer', Empty, ObserverFullSchema, 'A full observer frame now (on subscribe, or after a gap in the diffs).'),
  'observer.next': invoke(
    'viewer',
    z
      .object({
        /** seq of the last frame this client applied; null when it has none (or lost the thread). */
        after: z.number().int().nonnegative().nullable(),
        /** How long to wait for a newer frame before answering null. */
        wait_ms: z.number().int().min(0).max(30_000).default(10_000)
      })
      .strict(),
    z.object({ frame: ObserverFrameSchema.nullable() }),
    'The observer frame after `after`, at the pace this client asks: a full frame when it has none, else one diff folding every frame since, waiting up to wait_ms for one (null: nothing new).'
  ),
  'observer.agent': invoke(
    'viewer',
    z.object({ id: z.string().min(1).max(128) }).strict(),
    AgentDetailSchema,
    "One agent in depth for the inspector: personality, relationships and this tick's reward breakdown."
  ),
  'policy.status': invoke('viewer', Empty, PolicyStatusSchema, 'The running policy: identity, anneal ratio and schedule, possessed agents, inference latency, embedding allocator, swappable models.'),
  'policy.trace': invoke(
    'viewer',
    z.object({ id: z.string().min(1).max(128) }).strict(),
    DecisionTraceSchema,
    "One agent's latest decision: what it saw (features, map channels), its mask, the option probabilities, what was chosen, the commitment and who decided."
  ),
  'snapshot.list': invoke('viewer', Empty, SnapshotListSchema, 'The snapshots in the storage root (snapshot.storage.root), newest first, with tick, identity, size, age and integrity.'),
  'snapshot.save': invoke(
    'admin',
    z.object({ gzip: z.boolean().optional(), label: z.string().max(80).optional() }).strict(),
    SnapshotEntrySchema,
    'Save the running town now into the storage root (atomically; a label is carried in the file name).'
  ),
  'snapshot.inspect': invoke('viewer', z.object({ name: SnapshotNameSchema }).strict(), SnapshotInspectionSchema, "One snapshot's identity (RNG fingerprints included), checksum, migrations and counts."),
  'snapshot.validate': invoke(
    'viewer',
    z.object({ name: SnapshotNameSchema, strict: z.boolean().optional() }).strict(),
    SnapshotVerdictSchema,
    'Whether a snapshot loads into the running config: ok, warn or refused, with the coded reasons and the migrations it needs (strict: a warning refuses).'
  ),
  'snapshot.migrate-preview': invoke(
    'viewer',
    z.object({ name: SnapshotNameSchema }).strict(),
    MigrationPreviewSchema,
    "A dry run of migrating a snapshot to the running config: the chain, each step's description, the diff, and a legacy import's report. Nothing is written."
  ),
  'snapshot.migrate': invoke(
    'admin',
    z.object({ name: SnapshotNameSchema }).strict(),
    SnapshotEntrySchema,
    'Migrate a snapshot to the running config into a new file in the storage root; the source is never modified.'
  ),
  'snapshot.load': invoke(
    'admin',
    z.object({ name: SnapshotNameSchema }).strict(),
    ShardStatusSchema,
    'Load a snapshot into the running shard, paused first; the guardrails of the running config apply, and a refused load leaves the shard exactly as it was.'
  ),
  'snapshot.diff': invoke(
    'viewer',
    z.object({ a: SnapshotNameSchema, b: SnapshotNameSchema }).strict(),
    SnapshotDiffSchema,
    'What differs between two snapshots, per section (agents, economy, relationships …): counts and the first examples.'
  ),
  // The session timeline (docs/timeline.md): viewers look at the past; resuming from it changes the town.
  'history.runs': invoke('viewer', Empty, HistoryRunsSchema, "The runs recorded in the workspace's history.sqlite (townlet run --history), newest first, each with its KPI means; empty when there is no file yet."),
  'history.run': invoke(
    'viewer',
    z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict(),
    HistoryRunDetailSchema,
    'One recorded run: its identity, its KPI windows with their alerts, and its agents\' episodes.'
  ),
  'telemetry.status': invoke(
    'viewer',
    Empty,
    TelemetryStatusSchema,
    "The telemetry stream's transports (the config's telemetry.transport and the external observers' WebSocket): per transport whether it delivers now, its sent and dropped counts, its last success, failure and error."
  ),
  'timeline.status': invoke('viewer', Empty, TimelineStatusSchema, 'The session timeline: reachable ticks (earliest … live), keyframes and bytes kept, branches, and marks (alerts, perturbations, console commands, bookmarks, forks, snapshots).'),
  'timeline.frame': invoke(
    'viewer',
    z.object({ tick: TimelineTickSchema }).strict(),
    TimelineFrameSchema,
    'The town at a past tick of the current branch, rebuilt read-only (latest-at: the nearest keyframe, then every tick replayed): its state hash, a full observer frame and its event counts. The live town runs on; one request per client at a time.'
  ),
  'timeline.fork': invoke(
    'admin',
    z.object({ tick: TimelineTickSchema }).strict(),
    ShardStatusSchema,
    'Resume from a past tick as a fork: the shard is paused, the town rebuilt exactly there goes live, and the abandoned future is kept as a branch. A refusal leaves the shard as it was.'
  ),
  'timeline.reopen': invoke(
    'admin',
    z.object({ branch: TimelineBranchIdSchema }).strict(),
    ShardStatusSchema,
    'Switch back to a kept branch exactly where it was left (paused); the current one is kept in its place.'
  ),
  'timeline.bookmark': invoke(
    'admin',
    z.object({ tick: TimelineTickSchema, label: TimelineLabelSchema }).strict(),
    TimelineStatusSchema,
    "An operator's bookmark at a tick of the current branch (label up to 200 characters); answered with the timeline's status."
  ),
  'debug.crash-worker': invoke(
    'admin',
    Empty,
    z.object({ crashing: z.literal(true) }),
    'Test-only hook: make the shard worker throw. Refused unless test hooks are enabled.'
  )
} as const

export const eventChannels = {
  'shard.frame': event('viewer', FrameSchema, 'Coalesced shard view, at most about 30 a second.'),
  'loop.failure': event('viewer', LoopFailureSchema, 'The shard worker crashed or its loop threw.'),
  'config.loaded': event('viewer', ConfigSummarySchema, 'A new config is live in the shard.'),
  'log.entry': event('viewer', LogEntrySchema, 'A log line from the host or the shard worker.'),
  'console.result': event('viewer', ConsoleResultSchema, 'The final result of a console command (applied, refused or answered from the cache).'),
  'console.role': event('viewer', ConsoleSessionSchema, "A session's role changed (a token presented or dropped, the app menu's Become Admin); each client applies the one naming its own issuer."),
  'telemetry.transport': event('viewer', TelemetryStatusSchema, 'The telemetry transport status (as telemetry.status answers), about once a second while the shard streams, and when streaming starts or stops.'),
  'snapshot.changed': event(
    'viewer',
    z.object({ reason: z.enum(['saved', 'autosaved', 'migrated', 'loaded']) }),
    'The storage root or the loaded snapshot changed (a save, an autosave, a migration, a load): snapshot lists are stale.'
  )
} as const

export type InvokeChannels = typeof invokeChannels
export type EventChannels = typeof eventChannels
export type InvokeName = keyof InvokeChannels
export type EventName = keyof EventChannels

export type InvokeReq<K extends InvokeName> = z.infer<InvokeChannels[K]['req']>
export type InvokeRes<K extends InvokeName> = z.infer<InvokeChannels[K]['res']>
export type EventPayload<K extends EventName> = z.infer<EventChannels[K]['payload']>

/** The invoke channels only an admin session may call, in table order. */
export function adminChannels(): InvokeName[] {
  return (Object.keys(invokeChannels) as InvokeName[]).filter((name) => invokeChannels[name].role === 'admin')
}

export function isInvokeName(name: string): name is InvokeName {
  return Object.hasOwn(invokeChannels, name)
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventChannels, name)
}
