/**
 * The fan-out in front of the transports: each message is encoded once and enqueued on every
 * transport; status is each transport's block plus the totals. Nothing here waits on I/O or
 * throws into the caller — a shard calls `send` from its tick and `setTick` as ticks pass.
 */
import { ok, type Result } from '../../../shared/result'
import type { TransportBlockConfig } from '../../config/sections/telemetry'
import { createTransport, type TransportContext } from './create-transport'
import { encodeMessage, type TelemetryTransport, type TransportStatus } from './transport'

export interface TelemetryPipeStatus {
  transports: TransportStatus[]
  /** Every transport connected (true with none). */
  connected: boolean
  dropped_messages: number
  queued_bytes: number
  /** Messages JSON could not encode, dropped before any transport saw them. */
  unencodable_messages: number
}

export class TelemetryPipe {
  private tick: number | null = null
  private unencodable = 0
  private readonly transports: TelemetryTransport[] = []
  /** Hands the current tick to the transports' status, without them reading any clock. */
  readonly ticks = (): number | null => this.tick

  /** A pipe over the configured transports; on an error, the ones already made are closed again. */
  static async create(block: TransportBlockConfig, ctx: Omit<TransportContext, 'ticks'>): Promise<Result<TelemetryPipe>> {
    const pipe = new TelemetryPipe()
    for (const entry of block.transports) {
      const made = await createTransport(entry, block, { ...ctx, ticks: pipe.ticks })
      if (!made.ok) {
        await pipe.close(0)
        return made
      }
      pipe.add(made.value)
    }
    return ok(pipe)
  }

  add(transport: TelemetryTransport): void {
    this.transports.push(transport)
  }

  get size(): number {
    return this.transports.length
  }

  setTick(tick: number): void {
    this.tick = tick
  }

  /** Encode once, enqueue everywhere. With no transports it costs nothing, not even the encode. */
  send(message: unknown): void {
    if (this.transports.length === 0) return
    const json = encodeMessage(message)
    if (json === undefined) {
      this.unencodable++
      return
    }
    this.sendJson(json)
  }

  /** A message already encoded as one line of JSON (the app's worker encodes it, off the host's thread). */
  sendJson(json: string): void {
    for (const t of this.transports) {
      try {
        t.sendJson(json)
      } catch {
        // A transport promises not to throw; if one breaks that promise the others still get the message.
      }
    }
  }

  status(): TelemetryPipeStatus {
    const transports = this.transports.map((t) => t.status())
    return {
      transports,
      connected: transports.every((s) => s.connected),
      dropped_messages: transports.reduce((n, s) => n + s.dropped_messages, 0),
      queued_bytes: transports.reduce((n, s) => n + s.queued_bytes, 0),
      unencodable_messages: this.unencodable
    }
  }

  async flush(timeoutMs = 5000): Promise<boolean> {
    const done = await Promise.all(this.transports.map((t) => t.flush(timeoutMs)))
    return done.every(Boolean)
  }

  async close(timeoutMs = 2000): Promise<void> {
    await Promise.all(this.transports.map((t) => t.close(timeoutMs)))
  }
}
