/**
 * NDJSON to standard output (or any writable a caller injects): one message a line. The next
 * batch waits for the stream to take the last one, so a slow pipe fills our bounded queue, not
 * Node's unbounded write buffer. A reader that goes away (EPIPE) ends the transport: its queue and
 * every later send are dropped and counted, and the run goes on.
 */
import type { Writable } from 'node:stream'
import type { Batch } from './byte-queue'
import { QueuedTransport, type QueuedOptions } from './queued-transport'
import { errnoCode } from './sanitize'
import type { DeliveryFailure } from './transport'

export interface StdoutOptions extends QueuedOptions {
  /** Where the lines go; process.stdout unless a test or an embedder names another. */
  stream?: Writable
}

export class StdoutTransport extends QueuedTransport {
  readonly kind = 'stdout' as const
  private readonly stream: Writable
  private broken = false
  private readonly onError = (e: unknown) => this.fail(e)

  constructor(options: StdoutOptions) {
    super(options)
    this.stream = options.stream ?? process.stdout
    // Without a listener an EPIPE on stdout would be an uncaught exception that ends the run.
    this.stream.on('error', this.onError)
  }

  protected target(): string {
    return 'stdout'
  }

  protected connected(): boolean {
    return !this.broken
  }

  protected deliver(batch: Batch): Promise<DeliveryFailure | null> {
    if (this.broken || this.stream.destroyed || this.stream.writableEnded) return Promise.resolve(this.closedFailure())
    return new Promise((resolve) => {
      try {
        this.stream.write(`${batch.lines.join('\n')}\n`, (e) => resolve(e ? this.fail(e) : null))
      } catch (e) {
        resolve(this.fail(e))
      }
    })
  }

  protected release(): Promise<void> {
    // The error listener stays: a late EPIPE on a stream nobody listens to would end the process.
    return Promise.resolve()
  }

  private fail(e: unknown): DeliveryFailure {
    const code = errnoCode(e)
    if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END') {
      if (!this.broken) {
        this.broken = true
        this.shutDown(this.closedFailure())
      }
      return this.closedFailure()
    }
    return this.failure('telemetry.write_failed', `writing to stdout failed${code ? ` (${code})` : ''}`)
  }

  private closedFailure(): DeliveryFailure {
    return this.failure('telemetry.closed', 'stdout was closed by its reader (EPIPE): telemetry to stdout stopped')
  }
}
