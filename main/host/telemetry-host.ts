/**
 * The app's telemetry stream, host side (docs/telemetry.md, "In the app"): the config's
 * `telemetry.transport` block becomes a TelemetryPipe on the host's thread, fed by the batches the
 * shard worker builds (main/shard/worker-telemetry.ts). External observers (the browser server's
 * WebSocket) attach here too and get the same lines. A new config's pipe is built before the
 * config goes live, so a transport that cannot be right (a path outside the workspace) refuses the
 * load and the running pipe stays; once live, the old pipe is flushed (bounded) and closed.
 * Nothing here waits on an endpoint: a failing transport only changes its status.
 */
import type { LoadedConfig } from '../config/load-config'
import type { Workspace } from '../fs/workspace'
import { TelemetryPipe } from '../telemetry/transports/telemetry-pipe'
import { err, ok, type Result } from '../../shared/result'
import { idleTelemetryStatus, TELEMETRY_STATUS_SCHEMA_VERSION, type TelemetryStatus, type TransportStatusDto } from '../../shared/contract/dto/telemetry'
import type { ShardWorkerClient, TelemetryBatch } from './shard-worker-client'

/** The worker's queue bound while only external observers listen (a config's transports set their own). */
export const DEFAULT_WORKER_BUFFER_BYTES = 4 * 1024 * 1024
/** The old pipe's last messages get this long to go out when a new config replaces it, and at shutdown. */
const REPLACE_FLUSH_MS = 1000
const STATUS_EVERY_MS = 1000

/** A reader of the stream that is not in the config: one per server endpoint, whatever its number of clients. */
export interface ExternalTransport {
  /** One stream message as one line of JSON, from the batch of `tick`. Never throws, never blocks. */
  sendJson(json: string, tick: number | null): void
  status(): TransportStatusDto
  /** Whether anyone reads now: the worker streams only while a transport or an observer does. */
  readonly active: boolean
}

/** A config's pipe, built and not yet live. */
export interface PreparedPipe {
  pipe: TelemetryPipe | null
  maxBufferBytes: number
}

export interface TelemetryHostOptions {
  workspace: () => Workspace
  /** Relative stream paths resolve from here (the host's working folder). */
  base: string
  /** The status every client sees (`telemetry.status`), about once a second while streaming. */
  emit(status: TelemetryStatus): void
  statusEveryMs?: number
}

export class TelemetryHost {
  private live: PreparedPipe = { pipe: null, maxBufferBytes: DEFAULT_WORKER_BUFFER_BYTES }
  private client: ShardWorkerClient | undefined
  private readonly externals = new Set<ExternalTransport>()
  private workerDropped = 0
  private tick: number | null = null
  private timer: NodeJS.Timeout | undefined
  private streaming = false

  constructor(private readonly options: TelemetryHostOptions) {}

  /** The pipe `loaded` asks for, not live yet; a transport that cannot be right is the error. */
  async prepare(loaded: LoadedConfig): Promise<Result<PreparedPipe>> {
    const block = loaded.config.telemetry.transport
    if (block.transports.length === 0) return ok({ pipe: null, maxBufferBytes: DEFAULT_WORKER_BUFFER_BYTES })
    const made = await TelemetryPipe.create(block, { workspace: this.options.workspace(), base: this.options.base })
    if (!made.ok) return err(made.error.code, `the config's telemetry.transport cannot be used, so the config was not loaded: ${made.error.message}`)
    // The worker holds what one transport may: the slowest transport drops on its own past that.
    return ok({ pipe: made.value, maxBufferBytes: block.buffer.max_buffer_bytes })
  }

  /** `prepared` goes live; the old pipe gets a bounded flush and is closed, without anyone waiting on it. */
  use(prepared: PreparedPipe): void {
    const old = this.live.pipe
    this.live = prepared
    this.configureWorker()
    if (old) void old.flush(REPLACE_FLUSH_MS).then(() => old.close(0))
    this.publish()
  }

  /** A prepared pipe that never went live (the config load failed after all). */
  discard(prepared: PreparedPipe): void {
    void prepared.pipe?.close(0)
  }

  /** A (new) worker answers: it starts streaming if anyone reads. */
  attachWorker(client: ShardWorkerClient): void {
    this.client = client
    this.workerDropped = 0
    this.streaming = false
    this.configureWorker()
  }

  /** A batch from the worker: every line to every transport and observer, then the ack for the next. */
  receive(batch: TelemetryBatch, from: ShardWorkerClient): void {
    if (from !== this.client) return
    const pipe = this.live.pipe
    if (batch.tick !== null) {
      this.tick = batch.tick
      pipe?.setTick(batch.tick)
    }
    this.workerDropped = batch.dropped
    for (const line of batch.lines) {
      pipe?.sendJson(line)
      for (const external of this.externals) external.sendJson(line, this.tick)
    }
    from.notify({ type: 'telemetry-ack' })
  }

  /** An observer endpoint; returns the function that detaches it. Call `changed` when its clients come or go. */
  addExternal(external: ExternalTransport): { changed(): void; detach(): void } {
    this.externals.add(external)
    return {
      changed: () => this.configureWorker(),
      detach: () => {
        this.externals.delete(external)
        this.configureWorker()
      }
    }
  }

  status(): TelemetryStatus {
    const pipe = this.live.pipe?.status()
    const transports: TransportStatusDto[] = [...(pipe?.transports ?? []).map(clip), ...[...this.externals].filter((e) => e.active).map((e) => e.status())]
    if (!pipe && transports.length === 0) return { ...idleTelemetryStatus(), streaming: this.streaming, tick: this.tick }
    return {
      schema_version: TELEMETRY_STATUS_SCHEMA_VERSION,
      streaming: this.streaming,
      transports,
      connected: transports.every((t) => t.connected),
      dropped_messages: transports.reduce((n, t) => n + t.dropped_messages, 0) + this.workerDropped,
      host_lag_dropped: this.workerDropped,
      unencodable_messages: pipe?.unencodable_messages ?? 0,
      tick: this.tick
    }
  }

  async dispose(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    const pipe = this.live.pipe
    this.live = { pipe: null, maxBufferBytes: DEFAULT_WORKER_BUFFER_BYTES }
    if (pipe) {
      await pipe.flush(REPLACE_FLUSH_MS)
      await pipe.close(0)
    }
  }

  private wanted(): boolean {
    return (this.live.pipe?.size ?? 0) > 0 || [...this.externals].some((e) => e.active)
  }

  /** Tell the worker whether to stream, and keep the status ticking while it does. */
  private configureWorker(): void {
    const wanted = this.wanted()
    this.client?.notify({ type: 'telemetry', enabled: wanted, max_buffer_bytes: this.live.maxBufferBytes })
    const was = this.streaming
    this.streaming = wanted && this.client !== undefined
    if (this.streaming && !this.timer) {
      this.timer = setInterval(() => this.publish(), this.options.statusEveryMs ?? STATUS_EVERY_MS)
      this.timer.unref()
    } else if (!this.streaming && this.timer) {
      clearInterval(this.timer)
      this.timer = undefined
    }
    if (was !== this.streaming) this.publish()
  }

  /** The status to every client, and to the worker for its loop.health and telemetry_snapshot. */
  private publish(): void {
    const status = this.status()
    this.options.emit(status)
    this.client?.notify({ type: 'telemetry-status', status })
  }
}

/** A transport's own status, its free text held to the DTO's bounds. */
function clip(t: TransportStatusDto): TransportStatusDto {
  return { ...t, target: t.target.slice(0, 4200), last_error: t.last_error === null ? null : t.last_error.slice(0, 2000) }
}
