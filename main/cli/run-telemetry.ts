/**
 * `townlet run --telemetry SPEC` (repeatable) and the config's `telemetry.transport` block: the
 * run's whole stream (engine events, narration, alerts, KPI windows, loop.tick and loop.health)
 * through a TelemetryPipe. A spec that cannot be right (bad syntax, a path outside the workspace)
 * is a usage error before the run starts; an endpoint that fails while it runs never fails the
 * run: the one-line summary on stderr at the end says what was sent, dropped and failed.
 */
import type { Writable } from 'node:stream'
import { TransportBlockSchema, type TransportBlockConfig } from '../config/sections/telemetry'
import type { Shard, ShardFiles } from '../shard/shard'
import { streamShard, type ShardStream } from '../telemetry/stream/shard-stream'
import { TelemetryPipe, type TelemetryPipeStatus } from '../telemetry/transports/telemetry-pipe'
import { transportsFromSpecs } from '../telemetry/transports/spec'
import type { ErrorCode } from '../../shared/error-codes'
import type { JsonValue } from '../sim/state/world'
import { formatZodIssues } from '../../shared/zod-issues'
import { UsageError, type CliIo } from './cli-io'

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
}

export class RunTelemetry {
  private stream: ShardStream | undefined

  private constructor(private readonly pipe: TelemetryPipe) {}

  /** The pipe over the config's transports and every `--telemetry` spec; undefined when there are none (no cost at all). */
  static async open(specs: readonly string[], block: TransportBlockConfig, files: ShardFiles, io: CliIo): Promise<RunTelemetry | undefined> {
    if (specs.some((s) => s === '')) throw new UsageError('--telemetry needs a spec: stdout, file:PATH, tcp://HOST:PORT, tls://HOST:PORT or http(s)://…')
    const extra = transportsFromSpecs(specs)
    if (!extra.ok) throw new UsageError(`--telemetry: ${extra.error.message}`)
    const merged = TransportBlockSchema.safeParse({ ...block, transports: [...block.transports, ...extra.value] })
    if (!merged.success) throw new UsageError(`--telemetry: ${formatZodIssues(merged.error.issues.slice(0, 3))}`)
    if (merged.data.transports.length === 0) return undefined
    const stdout = isWritable(io.stdout) ? io.stdout : undefined
    const pipe = await TelemetryPipe.create(merged.data, { workspace: files.workspace, base: files.base, ...(stdout ? { stdout } : {}) })
    if (!pipe.ok) throw new UsageError(`--telemetry: ${pipe.error.message}`)
    return new RunTelemetry(pipe.value)
  }

  /** Stream the shard's live town from its next tick on (after any --snapshot restore). */
  attach(shard: Shard): void {
    this.stream = streamShard(shard, this.pipe)
    shard.reportTransport(() => this.pipe.status() as unknown as JsonValue)
  }

  /** The loop stopped on an error: a loop.failure goes into the stream before it closes. */
  failed(tick: number, code: ErrorCode, message: string): void {
    this.stream?.emitter.failure(tick, code, message)
  }

  /** The last loop messages, a bounded flush, close, and the one-line summary on stderr. */
  async finish(io: CliIo): Promise<RunTelemetrySummary> {
    this.stream?.finish()
    await this.pipe.flush(FLUSH_MS)
    await this.pipe.close(CLOSE_MS)
    const summary = summarize(this.stream?.emitter.sent ?? 0, this.pipe.status())
    io.stderr.write(`${summaryLine(summary, this.pipe.status())}\n`)
    return summary
  }

  /** The run failed before it could finish: release files and sockets at once. */
  async abort(): Promise<void> {
    this.stream?.finish()
    await this.pipe.close(0)
  }
}

function summarize(messages: number, status: TelemetryPipeStatus): RunTelemetrySummary {
  const transports = status.transports.map((t) => ({ kind: t.kind, target: t.target, sent: t.sent_messages, dropped: t.dropped_messages, errors: t.failures, last_error_code: t.last_error_code }))
  return {
    messages,
    sent: transports.reduce((n, t) => n + t.sent, 0),
    dropped: status.dropped_messages + status.unencodable_messages,
    errors: transports.reduce((n, t) => n + t.errors, 0),
    transports
  }
}

/** `telemetry: 5321 messages; file out.jsonl: 5321 sent, 0 dropped, 0 errors; tcp://127.0.0.1:9: 0 sent, 5321 dropped, 7 errors (telemetry.unreachable: …)`. */
function summaryLine(summary: RunTelemetrySummary, status: TelemetryPipeStatus): string {
  const parts = status.transports.map((t) => {
    const why = t.failures > 0 && t.last_error_code ? ` (${t.last_error_code}${t.last_error ? `: ${t.last_error}` : ''})` : ''
    const name = t.target === t.kind || t.target.includes('://') ? t.target : `${t.kind} ${t.target}`
    return `${name}: ${t.sent_messages} sent, ${t.dropped_messages} dropped, ${t.failures} error${t.failures === 1 ? '' : 's'}${why}`
  })
  const unencodable = status.unencodable_messages > 0 ? `; ${status.unencodable_messages} not encodable` : ''
  return `telemetry: ${summary.messages} messages; ${parts.join('; ')}${unencodable}`
}

function isWritable(out: CliIo['stdout']): out is CliIo['stdout'] & Writable {
  const w = out as Partial<Writable>
  return typeof w.on === 'function' && typeof w.once === 'function' && typeof w.end === 'function'
}
