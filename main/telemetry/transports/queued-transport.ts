/**
 * The common half of every transport: the byte-bounded queue, batching by count and interval,
 * retry with backoff, the status counters and flush/close. A subclass only says how one batch is
 * delivered (`deliver`) and how its resources are released (`release`). All of it runs from
 * timers and promise callbacks, never inside `send`, so the tick's path holds no I/O.
 */
import type { ErrorCode } from '../../../shared/error-codes'
import type { TransportBufferConfig, TransportKind, TransportRetryConfig } from '../../config/sections/telemetry'
import { backoffMs } from './backoff'
import { ByteQueue, type Batch } from './byte-queue'
import { encodeMessage, type DeliveryFailure, type TelemetryTransport, type TickSource, type TransportStatus } from './transport'

export interface QueuedOptions {
  buffer: TransportBufferConfig
  retry: TransportRetryConfig
  ticks: TickSource
  /** For the backoff jitter; tests pass a fixed one. */
  random?: () => number
}

export abstract class QueuedTransport implements TelemetryTransport {
  abstract readonly kind: TransportKind
  protected readonly queue: ByteQueue
  private timer: ReturnType<typeof setTimeout> | null = null
  private immediate: ReturnType<typeof setImmediate> | null = null
  private draining = false
  private backingOff = false
  private attempts = 0
  /** No more sends: closing, or the output is gone for good. */
  private closed = false
  /** Closed for good by `shutDown`: its failure is already recorded. */
  private dead = false
  private waiters: (() => void)[] = []
  private sent = 0
  private failures = 0
  protected reconnects = 0
  private lastSuccessTick: number | null = null
  private lastFailureTick: number | null = null
  private lastError: DeliveryFailure | null = null

  constructor(protected readonly options: QueuedOptions) {
    this.queue = new ByteQueue(options.buffer.max_buffer_bytes)
  }

  /** Where it writes, without secrets. */
  protected abstract target(): string
  protected abstract connected(): boolean
  /** Write one batch; resolve with null on success or our own words on failure. Must not reject. */
  protected abstract deliver(batch: Batch): Promise<DeliveryFailure | null>
  /** Release the file, socket or agent. Must not reject. */
  protected abstract release(): Promise<void>

  send(message: unknown): void {
    const json = encodeMessage(message)
    if (json === undefined) {
      this.queue.dropped++
      this.recordFailure({ code: 'telemetry.unencodable', message: 'a message JSON cannot encode (a cycle, a BigInt or undefined) was dropped' })
      return
    }
    this.sendJson(json)
  }

  sendJson(json: string): void {
    if (this.closed) {
      this.queue.dropped++
      return
    }
    this.queue.push(json)
    this.schedule()
  }

  status(): TransportStatus {
    return {
      kind: this.kind,
      target: this.target(),
      connected: this.connected(),
      dropped_messages: this.queue.dropped,
      sent_messages: this.sent,
      queued_bytes: this.queue.bytes,
      queued_messages: this.queue.length,
      failures: this.failures,
      reconnects: this.reconnects,
      last_success_tick: this.lastSuccessTick,
      last_failure_tick: this.lastFailureTick,
      last_error: this.lastError?.message ?? null,
      last_error_code: this.lastError?.code ?? null
    }
  }

  flush(timeoutMs = 5000): Promise<boolean> {
    if (this.queue.bytes === 0) return Promise.resolve(true)
    this.kick()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        resolve(true)
      }
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done)
        resolve(false)
      }, timeoutMs)
      this.waiters.push(done)
    })
  }

  async close(timeoutMs = 2000): Promise<void> {
    if (!this.closed) {
      this.closed = true
      await this.flush(timeoutMs)
    }
    this.clearTimers()
    this.queue.clear()
    await this.release()
    this.notify(true)
  }

  /** The output is gone for good (a closed pipe): drop what is queued and every later send. */
  protected shutDown(failure: DeliveryFailure): void {
    this.closed = true
    this.dead = true
    this.recordFailure(failure)
    this.queue.clear()
    this.clearTimers()
    // Not forced: a batch still in flight settles (dropped) first, then the drain wakes the waiters.
    this.notify()
  }

  protected recordFailure(failure: DeliveryFailure): void {
    this.failures++
    this.lastFailureTick = this.options.ticks()
    this.lastError = failure
  }

  /** Part of a batch reached the endpoint before the rest failed (the file transport writes across rotations). */
  protected delivered(count: number): void {
    this.sent += count
    this.lastSuccessTick = this.options.ticks()
  }

  protected failure(code: ErrorCode, message: string): DeliveryFailure {
    return { code, message }
  }

  /** A full batch goes out on the next turn of the event loop; a part batch after the flush interval. */
  private schedule(): void {
    if (this.draining || this.backingOff || this.immediate) return
    if (this.queue.length >= this.options.buffer.batch_size) {
      this.kick()
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null
        void this.drain()
      }, this.options.buffer.flush_interval_ms)
      this.timer.unref?.()
    }
  }

  private kick(): void {
    if (this.draining || this.backingOff || this.immediate) return
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    this.immediate = setImmediate(() => {
      this.immediate = null
      void this.drain()
    })
    this.immediate.unref?.()
  }

  private async drain(): Promise<void> {
    if (this.draining) return
    this.draining = true
    try {
      for (let batch = this.queue.take(this.options.buffer.batch_size); batch; batch = this.queue.take(this.options.buffer.batch_size)) {
        const failure = await this.deliver(batch).catch(() => this.failure('internal.error', 'the transport failed unexpectedly'))
        if (!failure) {
          this.queue.settle(batch)
          this.sent += batch.lines.length
          this.lastSuccessTick = this.options.ticks()
          this.attempts = 0
          continue
        }
        if (!this.dead) this.recordFailure(failure)
        this.attempts++
        const limit = this.options.retry.max_retries
        if (this.closed || (limit !== null && this.attempts > limit)) {
          this.queue.settle(batch, true)
          this.attempts = 0
        } else {
          this.queue.requeue(batch)
        }
        if (!this.closed) this.backOff()
        return
      }
    } finally {
      this.draining = false
      this.notify()
    }
  }

  private backOff(): void {
    this.backingOff = true
    this.timer = setTimeout(() => {
      this.timer = null
      this.backingOff = false
      void this.drain()
    }, backoffMs(Math.max(this.attempts, 1), this.options.retry, this.options.random))
    this.timer.unref?.()
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer)
    if (this.immediate) clearImmediate(this.immediate)
    this.timer = null
    this.immediate = null
    this.backingOff = false
  }

  /** Wake flush waiters once nothing is queued or in flight (or, `force`, because the transport is closing). */
  private notify(force = false): void {
    if (!force && this.queue.bytes !== 0) return
    const waiters = this.waiters
    this.waiters = []
    for (const w of waiters) w()
  }
}
