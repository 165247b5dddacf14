/**
 * The telemetry pipe with its transports on a worker thread: what `townlet run` streams through,
 * so that the tick's thread only encodes each message once and queues it. Batches go to the
 * worker after each chunk of ticks (setImmediate runs once the chunk that queued them yields),
 * one batch in flight until the worker took it; while the worker lags, the queue here holds at
 * most `max_buffer_bytes`, oldest dropped first and counted, so a stalled worker costs the run
 * bounded memory and no time. The stdout transport stays on this thread: a worker's stdout is
 * relayed through this thread anyway, and the run's output must stay in order with it.
 *
 * The worker answers every batch with its transports' status; `status()` reads the latest answer,
 * so a loop.health may be a batch behind the transports, never more.
 */
import type { Writable } from 'node:stream'
import { Worker } from 'node:worker_threads'
import type { TransportBlockConfig } from '../../config/sections/telemetry'
import type { Workspace } from '../../fs/workspace'
import { err, ok, type Result } from '../../../shared/result'
import type { StreamSink } from '../stream/stream-emitter'
import { ByteQueue, type Batch } from './byte-queue'
import { PIPE_WORKER_ROLE, type FromPipeWorker, type PipeWorkerData, type ToPipeWorker } from './pipe-thread-protocol'
import { TelemetryPipe, type TelemetryPipeStatus } from './telemetry-pipe'
import { encodeMessage } from './transport'

/** Lines per batch posted to the worker at most. */
const BATCH_LINES = 4096
/** How long the worker may take to open its transports (a TLS handshake is not waited for: transports connect lazily). */
const READY_MS = 10_000

export interface ThreadedPipeContext {
  workspace: Workspace
  base: string
  /** The shared worker script (the shard worker's: it starts the pipe worker by role). */
  workerPath: string
  stdout?: Writable
}

type StatusOf = TelemetryPipeStatus['transports'][number]

export class ThreadedPipe implements StreamSink {
  private tick: number | null = null
  private unencodable = 0
  /** The batch posted and not yet taken: its bytes stay counted against the bound until the worker took it. */
  private inFlight: Batch | null = null
  private scheduled = false
  private remote: TelemetryPipeStatus
  private dead: string | null = null
  private nextId = 0
  private readonly replies = new Map<number, (m: FromPipeWorker) => void>()
  private tookWaiters: (() => void)[] = []

  private constructor(
    private readonly worker: Worker | null,
    private readonly local: TelemetryPipe | null,
    /** Per configured transport, in config order: on this thread (stdout) or in the worker. */
    private readonly placement: readonly ('local' | 'remote')[],
    private readonly queue: ByteQueue,
    ready: TelemetryPipeStatus
  ) {
    this.remote = ready
    worker?.on('message', (m: FromPipeWorker) => this.onMessage(m))
    worker?.on('error', () => this.fail('the telemetry worker stopped on an error'))
    worker?.on('exit', () => this.fail('the telemetry worker exited'))
  }

  /** The stdout transports here, the others in a new pipe worker; an error if a transport cannot be made (a path outside the workspace). */
  static async create(block: TransportBlockConfig, ctx: ThreadedPipeContext): Promise<Result<ThreadedPipe>> {
    const placement = block.transports.map((t): 'local' | 'remote' => (t.kind === 'stdout' ? 'local' : 'remote'))
    const localBlock = { ...block, transports: block.transports.filter((t) => t.kind === 'stdout') }
    const remoteBlock = { ...block, transports: block.transports.filter((t) => t.kind !== 'stdout') }
    let local: TelemetryPipe | null = null
    if (localBlock.transports.length > 0) {
      const made = await TelemetryPipe.create(localBlock, { workspace: ctx.workspace, base: ctx.base, ...(ctx.stdout ? { stdout: ctx.stdout } : {}) })
      if (!made.ok) return made
      local = made.value
    }
    const empty: TelemetryPipeStatus = { transports: [], connected: true, dropped_messages: 0, queued_bytes: 0, unencodable_messages: 0 }
    if (remoteBlock.transports.length === 0) return ok(new ThreadedPipe(null, local, placement, new ByteQueue(block.buffer.max_buffer_bytes), empty))
    const data: PipeWorkerData = { role: PIPE_WORKER_ROLE, block: remoteBlock, workspace: ctx.workspace.toJSON(), base: ctx.base }
    const worker = new Worker(ctx.workerPath, { workerData: data })
    const ready = await new Promise<FromPipeWorker | string>((resolve) => {
      const timer = setTimeout(() => resolve('the telemetry worker did not start in time'), READY_MS)
      worker.once('message', (m: FromPipeWorker) => (clearTimeout(timer), resolve(m)))
      worker.once('error', () => (clearTimeout(timer), resolve('the telemetry worker failed to start')))
    })
    if (typeof ready === 'string' || ready.type !== 'ready' || ready.error) {
      await worker.terminate()
      await local?.close(0)
      if (typeof ready !== 'string' && ready.type === 'ready' && ready.error) return { ok: false, error: ready.error }
      return err('internal.error', typeof ready === 'string' ? ready : 'the telemetry worker answered out of turn')
    }
    return ok(new ThreadedPipe(worker, local, placement, new ByteQueue(block.buffer.max_buffer_bytes), ready.status))
  }

  get size(): number {
    return this.placement.length
  }

  setTick(tick: number): void {
    this.tick = tick
    this.local?.setTick(tick)
  }

  /** On the tick's path: encode once, hand to stdout, queue for the worker. */
  send(message: unknown): void {
    if (this.placement.length === 0) return
    const json = encodeMessage(message)
    if (json === undefined) {
      this.unencodable++
      return
    }
    this.local?.sendJson(json)
    if (!this.worker) return
    if (this.dead) {
      this.queue.dropped++
      return
    }
    this.queue.push(json)
    this.schedule()
  }

  status(): TelemetryPipeStatus {
    const here = this.local?.status()
    const remote = this.remote.transports.map((t) => this.withQueue(t))
    let l = 0
    let r = 0
    const transports = this.placement.map((p) => (p === 'local' ? here!.transports[l++]! : remote[r++]!)).filter((t) => t !== undefined)
    return {
      transports,
      connected: transports.every((t) => t.connected),
      dropped_messages: transports.reduce((n, t) => n + t.dropped_messages, 0),
      queued_bytes: transports.reduce((n, t) => n + t.queued_bytes, 0),
      unencodable_messages: this.unencodable
    }
  }

  /** Everything queued here goes to the worker, then the worker's transports flush; false if that took longer than `timeoutMs`. */
  async flush(timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs
    const local = this.local ? this.local.flush(timeoutMs) : Promise.resolve(true)
    if (!this.worker || this.dead) return local
    while (this.queue.length > 0 || this.inFlight !== null) {
      this.send_()
      const left = deadline - Date.now()
      if (left <= 0 || !(await this.nextTook(left))) return false
    }
    if (this.dead) return false
    const reply = await this.ask({ type: 'flush', id: this.nextId++, timeoutMs: Math.max(0, deadline - Date.now()) }, Math.max(0, deadline - Date.now()) + 500)
    return reply?.type === 'flushed' && reply.ok && (await local)
  }

  /** Flush what waits (bounded by `timeoutMs`), close the transports, end the worker. */
  async close(timeoutMs = 2000): Promise<void> {
    const local = this.local?.close(timeoutMs)
    if (this.worker && !this.dead) {
      await this.flush(timeoutMs)
      await this.ask({ type: 'close', id: this.nextId++, timeoutMs }, timeoutMs + 1000)
      this.dead = 'closed'
      this.droppedOnClose()
      await this.worker.terminate()
    }
    await local
  }

  // ---- the worker ----

  private schedule(): void {
    if (this.scheduled || this.inFlight !== null) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.send_()
    })
  }

  private send_(): void {
    if (this.inFlight !== null || this.dead) return
    const batch = this.queue.take(BATCH_LINES)
    if (!batch) return
    this.inFlight = batch
    this.post({ type: 'lines', lines: batch.lines, tick: this.tick })
  }

  private post(message: ToPipeWorker): void {
    this.worker?.postMessage(message)
  }

  private onMessage(m: FromPipeWorker): void {
    this.remote = m.status
    if (m.type === 'took') {
      if (this.inFlight) this.queue.settle(this.inFlight)
      this.inFlight = null
      const waiters = this.tookWaiters
      this.tookWaiters = []
      for (const w of waiters) w()
      if (this.queue.length > 0) this.schedule()
      return
    }
    if (m.type === 'flushed' || m.type === 'closed') this.replies.get(m.id)?.(m)
  }

  private nextTook(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs)
      this.tookWaiters.push(() => (clearTimeout(timer), resolve(true)))
    })
  }

  private ask(message: Extract<ToPipeWorker, { id: number }>, timeoutMs: number): Promise<FromPipeWorker | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => (this.replies.delete(message.id), resolve(null)), timeoutMs)
      this.replies.set(message.id, (m) => (clearTimeout(timer), this.replies.delete(message.id), resolve(m)))
      this.post(message)
    })
  }

  /** The worker is gone: what waits here, and every later send, is dropped and counted. */
  private fail(why: string): void {
    if (this.dead) return
    this.dead = why
    this.droppedOnClose()
    this.remote = {
      ...this.remote,
      connected: false,
      transports: this.remote.transports.map((t) => ({ ...t, connected: false, last_error: why, last_error_code: 'internal.error', last_failure_tick: this.tick }))
    }
    for (const w of this.tookWaiters) w()
    this.tookWaiters = []
  }

  private droppedOnClose(): void {
    this.queue.clear()
    if (this.inFlight) this.queue.settle(this.inFlight)
    this.inFlight = null
  }

  /** A worker transport's status with what still waits here on its behalf (each remote transport gets every line). */
  private withQueue(t: StatusOf): StatusOf {
    return { ...t, dropped_messages: t.dropped_messages + this.queue.dropped, queued_bytes: t.queued_bytes + this.queue.bytes, queued_messages: t.queued_messages + this.queue.length }
  }
}
