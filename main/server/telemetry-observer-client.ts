/**
 * One external observer on the telemetry WebSocket: stream messages queue here, bounded by bytes
 * (oldest dropped first and counted), and go out while the socket has taken the last writes
 * (at most `windowBytes` handed to the socket and not yet flushed). A client that reads nothing
 * for `stallMs` while messages wait is hopelessly behind and is closed with a clear code.
 */
import type { WebSocket } from 'ws'
import { ByteQueue } from '../telemetry/transports/byte-queue'

export interface ObserverClientLimits {
  /** Bytes queued for one client before its oldest messages are dropped. */
  maxBufferedBytes: number
  /** Bytes handed to the socket and not yet flushed to the network, per client. */
  windowBytes: number
  /** A client that has flushed nothing for this long while messages wait is closed. */
  stallMs: number
}

/** Close code for an observer that fell hopelessly behind. */
export const TELEMETRY_CLOSE_TOO_SLOW = 4408

export class ObserverClient {
  private readonly queue: ByteQueue
  private inWindow = 0
  sent = 0
  private lastFlushAt: number
  closed = false

  constructor(
    private readonly ws: WebSocket,
    private readonly limits: ObserverClientLimits,
    private readonly now: () => number = () => Date.now()
  ) {
    this.queue = new ByteQueue(limits.maxBufferedBytes)
    this.lastFlushAt = now()
  }

  get dropped(): number {
    return this.queue.dropped
  }

  get queuedBytes(): number {
    return this.queue.bytes + this.inWindow
  }

  get queuedMessages(): number {
    return this.queue.length
  }

  /** Behind now: messages wait and nothing was flushed for a while (half the stall bound). */
  get lagging(): boolean {
    return this.queue.length > 0 && this.now() - this.lastFlushAt > this.limits.stallMs / 2
  }

  send(json: string): void {
    if (this.closed) return
    this.queue.push(json)
    this.pump()
  }

  /** Called about once a second: close a client that is hopelessly behind. Returns whether it closed it. */
  check(): boolean {
    if (this.closed || this.queue.length === 0 || this.now() - this.lastFlushAt < this.limits.stallMs) return false
    this.closed = true
    this.ws.close(TELEMETRY_CLOSE_TOO_SLOW, `read nothing for ${Math.round(this.limits.stallMs / 1000)} s while messages waited: reconnect and read faster`)
    return true
  }

  private pump(): void {
    while (!this.closed && this.inWindow < this.limits.windowBytes) {
      const batch = this.queue.take(1)
      if (!batch) return
      this.queue.settle(batch)
      const line = batch.lines[0] ?? ''
      this.inWindow += batch.bytes
      this.ws.send(line, (error) => {
        this.inWindow -= batch.bytes
        if (error) return
        this.sent++
        this.lastFlushAt = this.now()
        this.pump()
      })
    }
  }
}
