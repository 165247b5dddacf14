/**
 * `townlet run --telemetry SPEC` (repeatable) and the config's `telemetry.transport` block: the
 * run's whole stream (engine events, narration, alerts, KPI windows, loop.tick and loop.health)
 * through a TelemetryPipe. A spec that cannot be right (bad syntax, a path outside the workspace)
 * is a usage error before the run starts; an endpoint that fails while it runs never fails the
 * run: the one-line summary on stderr at the end says what was sent, dropped and failed.
 */
import type { Writable } from 'node:stream'
import { TransportBlockSchema, type TelemetrySectionConfig } from '../config/sections/telemetry'
import { DispatchBlockSchema, type DispatchBlockConfig } from '../config/sections/telemetry-dispatch'
import { TelemetryDispatcher, type DispatchStats } from '../telemetry/dispatch/telemetry-dispatcher'
import type { Shard, ShardFiles } from '../shard/shard'
import { streamShard, type ShardStream } from '../telemetry/stream/shard-stream'
import type { TelemetryPipeStatus } from '../telemetry/transports/telemetry-pipe'
import { ThreadedPipe } from '../telemetry/transports/threaded-pipe'
import { transportsFromSpecs } from '../telemetry/transports/spec'
import type { ErrorCode } from '../../shared/error-codes'
import type { JsonValue } from '../sim/state/world'
import { formatZodIssues } from '../../shared/zod-issues'
import { UsageError, type CliIo } from './cli-io'
import { shardRequests, type ShardRequests } from './telemetry-requests'

/** What is still queued at the end gets this long to go out; then the transports close (and count the rest as dropped). */
const FLUSH_MS = 3000
const CLOSE_MS = 500

/** The JSON summary's `telemetry` field. */
export interface RunTelemetrySummary {
  messages: number
  sent: number
  dropped: number
  errors: number
  transports: { kind: string; target: string; sent: number; dropped: number; errors: number; last_error_code: string | null }[]
  /** What the dispatcher did: privacy on or off, messages kept from the transports by filters, rejected in strict mode, subscriber errors, on-request builds. */
  dispatch: { privacy: boolean; filtered: number; rejected: number; subscriber_errors: number; built: DispatchStats['built'] }
}

/** `townlet run`'s dispatch flags, laid over the config's telemetry.dispatch block. */
export interface DispatchFlags {
  privacy?: boolean
  exclude?: readonly string[]
  request?: readonly string[]
}

export class RunTelemetry {
  private stream: ShardStream | undefined
  private requests: ShardRequests | undefined
  private dispatcher: TelemetryDispatcher | undefined

  private constructor(
    private readonly pipe: ThreadedPipe,
    private readonly dispatch: DispatchBlockConfig
  ) {}

  /**
   * The pipe over the config's transports and every `--telemetry` spec, behind a dispatcher set
   * from the config's telemetry.dispatch and the flags; undefined when there are no transports (no cost at all).
   */
  static async open(specs: readonly string[], section: TelemetrySectionConfig, files: ShardFiles, io: CliIo, flags: DispatchFlags = {}): Promise<RunTelemetry | undefined> {
    if (specs.some((s) => s === '')) throw new UsageError('--telemetry needs a spec: stdout, file:PATH, tcp://HOST:PORT, tls://HOST:PORT or http(s)://…')
    const block = section.transport
    const dispatch = dispatchWithFlags(section.dispatch, flags)
    const extra = transportsFromSpecs(specs)
    if (!extra.ok) throw new UsageError(`--telemetry: ${extra.error.message}`)
    const merged = TransportBlockSchema.safeParse({ ...block, transports: [...block.transports, ...extra.value] })
    if (!merged.success) throw new UsageError(`--telemetry: ${formatZodIssues(merged.error.issues.slice(0, 3))}`)
    if (merged.data.transports.length === 0) {
      if (flags.privacy || flags.exclude?.length || flags.request?.length) throw new UsageError('--telemetry-privacy, --telemetry-exclude and --telemetry-request shape the telemetry stream: add --telemetry SPEC (or a transport in telemetry.transport) for them to apply to')
      return undefined
    }
    const stdout = isWritable(io.stdout) ? io.stdout : undefined
    // The transports run on a worker thread (stdout excepted): the tick's thread only encodes and queues.
    const pipe = await ThreadedPipe.create(merged.data, { workspace: files.workspace, base: files.base, workerPath: io.paths.workerPath, ...(stdout ? { stdout } : {}) })
    if (!pipe.ok) throw new UsageError(`--telemetry: ${pipe.error.message}`)
    return new RunTelemetry(pipe.value, dispatch)
  }

  /** Stream the shard's live town from its next tick on (after any --snapshot restore), through the dispatcher. */
  attach(shard: Shard): void {
    // Before the stream: its tick listener must run ahead of the stream's (see shardRequests).
    this.requests = shardRequests(shard)
    this.dispatcher = new TelemetryDispatcher({ sink: this.pipe, config: this.dispatch, agentIds: () => shard.simulation.world.state.agents.ids, builders: this.requests.builders })
    this.stream = streamShard(shard, this.dispatcher)
    shard.reportTransport(() => this.pipe.status() as unknown as JsonValue)
  }

  /** The loop stopped on an error: a loop.failure goes into the stream before it closes. */
  failed(tick: number, code: ErrorCode, message: string): void {
    this.stream?.emitter.failure(tick, code, message)
  }

  /** The last loop messages, a bounded flush, close, and the one-line summary on stderr. */
  async finish(io: CliIo): Promise<RunTelemetrySummary> {
    this.stop()
    await this.pipe.flush(FLUSH_MS)
    await this.pipe.close(CLOSE_MS)
    const summary = summarize(this.dispatcher?.stats() ?? null, this.dispatch.privacy, this.pipe.status())
    io.stderr.write(`${summaryLine(summary, this.pipe.status())}\n`)
    return summary
  }

  /** The run failed before it could finish: release files and sockets at once. */
  async abort(): Promise<void> {
    this.stop()
    await this.pipe.close(0)
  }

  private stop(): void {
    this.stream?.finish()
    this.requests?.stop()
  }
}

/** The config's block with the flags laid over it, checked again: a bad --telemetry-exclude KIND is a usage error naming the flag. */
function dispatchWithFlags(block: DispatchBlockConfig, flags: DispatchFlags): DispatchBlockConfig {
  const merged = DispatchBlockSchema.safeParse({
    ...block,
    privacy: block.privacy || flags.privacy === true,
    exclude_kinds: [...new Set([...block.exclude_kinds, ...(flags.exclude ?? [])])],
    request_kinds: [...new Set([...block.request_kinds, ...(flags.request ?? [])])]
  })
  if (merged.success) return merged.data
  const issue = merged.error.issues[0]!
  const flag = issue.path[0] === 'exclude_kinds' ? '--telemetry-exclude' : issue.path[0] === 'request_kinds' ? '--telemetry-request' : 'telemetry.dispatch'
  throw new UsageError(`${flag}: ${issue.message}`)
}

/** Messages are what reached the transports (after the dispatcher's filters, on-request kinds included). */
function summarize(stats: DispatchStats | null, privacy: boolean, status: TelemetryPipeStatus): RunTelemetrySummary {
  const transports = status.transports.map((t) => ({ kind: t.kind, target: t.target, sent: t.sent_messages, dropped: t.dropped_messages, errors: t.failures, last_error_code: t.last_error_code }))
  return {
    messages: stats?.sent ?? 0,
    sent: transports.reduce((n, t) => n + t.sent, 0),
    dropped: status.dropped_messages + status.unencodable_messages,
    errors: transports.reduce((n, t) => n + t.errors, 0),
    transports,
    dispatch: { privacy, filtered: stats?.filtered ?? 0, rejected: stats?.rejected ?? 0, subscriber_errors: stats?.subscriber_errors ?? 0, built: stats?.built ?? { observation: 0, 'agent.snapshot': 0 } }
  }
}

/** `telemetry: 5321 messages (agent ids hashed, 120 filtered out); file out.jsonl: 5321 sent, 0 dropped, 0 errors; tcp://127.0.0.1:9: 0 sent, 5321 dropped, 7 errors (telemetry.unreachable: …)`. */
function summaryLine(summary: RunTelemetrySummary, status: TelemetryPipeStatus): string {
  const parts = status.transports.map((t) => {
    const why = t.failures > 0 && t.last_error_code ? ` (${t.last_error_code}${t.last_error ? `: ${t.last_error}` : ''})` : ''
    const name = t.target === t.kind || t.target.includes('://') ? t.target : `${t.kind} ${t.target}`
    return `${name}: ${t.sent_messages} sent, ${t.dropped_messages} dropped, ${t.failures} error${t.failures === 1 ? '' : 's'}${why}`
  })
  const unencodable = status.unencodable_messages > 0 ? `; ${status.unencodable_messages} not encodable` : ''
  const d = summary.dispatch
  const notes = [d.privacy ? 'agent ids hashed' : '', d.filtered > 0 ? `${d.filtered} filtered out` : '', d.rejected > 0 ? `${d.rejected} rejected` : '', d.subscriber_errors > 0 ? `${d.subscriber_errors} subscriber errors` : ''].filter(Boolean)
  return `telemetry: ${summary.messages} messages${notes.length > 0 ? ` (${notes.join(', ')})` : ''}; ${parts.join('; ')}${unencodable}`
}

function isWritable(out: CliIo['stdout']): out is CliIo['stdout'] & Writable {
  const w = out as Partial<Writable>
  return typeof w.on === 'function' && typeof w.once === 'function' && typeof w.end === 'function'
}
