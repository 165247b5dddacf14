/**
 * The app's telemetry stream, worker side (docs/telemetry.md, "In the app"): the StreamEmitter
 * builds each tick's messages here, on the tick's thread, and this sink only encodes and queues
 * them. The transports run on the host's thread: batches go there after each chunk of ticks
 * (setImmediate fires once the slice that queued them has run), one batch in flight until the
 * host acks it. While the host lags the queue holds at most `max_buffer_bytes`, oldest dropped
 * first and counted, so a busy host can cost the town memory only up to that bound and never time.
 */
import { TelemetryDispatcher } from '../telemetry/dispatch/telemetry-dispatcher'
import { streamShard, type ShardStream } from '../telemetry/stream/shard-stream'
import type { StreamSink } from '../telemetry/stream/stream-emitter'
import { ByteQueue } from '../telemetry/transports/byte-queue'
import { encodeMessage } from '../telemetry/transports/transport'
import type { TelemetryPipeStatus } from '../telemetry/transports/telemetry-pipe'
import type { TelemetryStatus } from '../../shared/contract/dto/telemetry'
import type { JsonValue } from '../sim/state/world'
import type { Shard } from './shard'
import type { Simulation } from './simulation'
import { TELEMETRY_BATCH_MAX_LINES, TELEMETRY_LINE_MAX_CHARS, type WorkerToHost } from './protocol'

type Batch = Extract<WorkerToHost, { type: 'telemetry-batch' }>

export class WorkerTelemetry implements StreamSink {
  private queue: ByteQueue | null = null
  private stream: ShardStream | null = null
  private streamed: Simulation | null = null
  private tick: number | null = null
  private inFlight = false
  private scheduled = false
  /** Dropped by earlier queues of this worker (a new bound starts a new queue). */
  private droppedBefore = 0
  private oversized = 0
  private hostStatus: TelemetryStatus | null = null

  constructor(private readonly post: (batch: Batch) => void) {}

  /** The host's word: stream (with this bound) or stop. The stream follows the shard's live town. */
  configure(shard: Shard | undefined, enabled: boolean, maxBufferBytes: number): void {
    if (!enabled) {
      this.stop()
      shard?.reportTransport(null)
      // What waits is for nobody now: not counted as dropped.
      this.droppedBefore += this.queue?.dropped ?? 0
      this.queue = null
      this.inFlight = false
      return
    }
    if (this.queue?.maxBytes !== maxBufferBytes) {
      this.droppedBefore += this.queue?.dropped ?? 0
      this.queue = new ByteQueue(maxBufferBytes)
      this.inFlight = false
    }
    if (shard) this.sync(shard)
  }

  /**
   * Stream the shard's live town: a config load, a snapshot load or a fork made another one live
   * since the last call. They all leave the clock stopped, so calling this after each host message
   * (and each flush) misses no tick of the new town.
   */
  sync(shard: Shard): void {
    if (!this.queue || this.streamed === shard.simulation) return
    this.stop()
    this.streamed = shard.simulation
    // The config's telemetry.dispatch applies here as in `townlet run`: privacy, kind and field
    // filters, strict checks. On-request kinds (observation, agent.snapshot) are built by the CLI
    // only; a config that requests them streams without them in the app.
    const simulation = shard.simulation
    const dispatcher = new TelemetryDispatcher({ sink: this, config: simulation.world.params.config.telemetry.dispatch, agentIds: () => simulation.world.state.agents.ids })
    this.stream = streamShard(shard, dispatcher)
    shard.reportTransport(() => (this.hostStatus ?? null) as unknown as JsonValue)
  }

  /** The host took the last batch. */
  acked(shard: Shard | undefined): void {
    this.inFlight = false
    this.queue?.settle({ lines: [], bytes: 0 })
    if (shard) this.sync(shard)
    this.schedule()
  }

  /** The host's transport status, as loop.health and telemetry_snapshot report it. */
  setHostStatus(status: TelemetryStatus): void {
    this.hostStatus = status
  }

  get dropped(): number {
    return this.droppedBefore + (this.queue?.dropped ?? 0) + this.oversized
  }

  // ---- StreamSink: called on the tick's path, so it only encodes and queues ----
  send(message: unknown): void {
    const queue = this.queue
    if (!queue) return
    const json = encodeMessage(message)
    if (json === undefined || json.length > TELEMETRY_LINE_MAX_CHARS) {
      this.oversized++
      return
    }
    queue.push(json)
    this.schedule()
  }

  setTick(tick: number): void {
    this.tick = tick
  }

  /** The host's last word on its transports (a websocket observer among them), plus what waits here. */
  status(): TelemetryPipeStatus {
    const s = this.hostStatus
    if (!s) return { transports: [], connected: true, dropped_messages: this.dropped, queued_bytes: this.queue?.bytes ?? 0, unencodable_messages: 0 }
    return { transports: s.transports as TelemetryPipeStatus['transports'], connected: s.connected, dropped_messages: s.dropped_messages, queued_bytes: (this.queue?.bytes ?? 0) + s.transports.reduce((n, t) => n + t.queued_bytes, 0), unencodable_messages: s.unencodable_messages }
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight || !this.queue || this.queue.length === 0) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.flush()
    })
  }

  private flush(): void {
    if (this.inFlight || !this.queue) return
    const batch = this.queue.take(TELEMETRY_BATCH_MAX_LINES)
    if (!batch) return
    this.inFlight = true
    this.post({ type: 'telemetry-batch', lines: batch.lines, tick: this.tick, dropped: this.dropped })
  }

  private stop(): void {
    this.stream?.finish()
    this.stream = null
    this.streamed = null
  }
}
