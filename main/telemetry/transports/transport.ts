/**
 * What every telemetry transport promises (docs/telemetry.md): `send` only enqueues — it never
 * blocks, never throws and never waits on I/O — so the tick that emits a message pays for one
 * JSON encode and a queue push, whatever the endpoint is doing. Delivery runs asynchronously
 * behind a byte-bounded buffer that drops its oldest messages when full.
 */
import type { TransportKind } from '../../config/sections/telemetry'
import type { ErrorCode } from '../../../shared/error-codes'

export type { TransportKind }

/** The current tick, for status (null before the first tick). Transports never read a clock for it. */
export type TickSource = () => number | null

/** A transport's health, JSON-safe, for `telemetry_snapshot`, `loop.health` and the UI. */
export interface TransportStatus {
  kind: TransportKind
  /** Where it writes, without secrets: no URL user, password or query, no headers. */
  target: string
  /**
   * Whether the transport is able to deliver now: stdout until its reader goes away, file while
   * its file is open and writes succeed, tcp while a socket is connected, http since its last
   * batch was accepted (true until a batch fails).
   */
  connected: boolean
  /** Messages dropped since the start: buffer full (oldest first), retries exhausted, output closed. */
  dropped_messages: number
  /** Messages handed to the endpoint (written, or answered 2xx). */
  sent_messages: number
  /** Bytes queued plus in flight; never above `max_buffer_bytes`. */
  queued_bytes: number
  queued_messages: number
  /** Failed writes, connects or POSTs since the start. */
  failures: number
  /** Connections made after the first (tcp). */
  reconnects: number
  last_success_tick: number | null
  last_failure_tick: number | null
  /** Our own words on the last failure; foreign text only as a short, sanitised snippet. */
  last_error: string | null
  last_error_code: ErrorCode | null
}

export interface TelemetryTransport {
  readonly kind: TransportKind
  /** Enqueue one JSON-safe message (encoded here). Never throws, never blocks. */
  send(message: unknown): void
  /** Enqueue one message already encoded as a single-line JSON text (the pipe encodes once for all). */
  sendJson(json: string): void
  status(): TransportStatus
  /** Resolves once everything queued now was delivered or dropped (true), or after `timeoutMs` (false). */
  flush(timeoutMs?: number): Promise<boolean>
  /** Flushes for at most `timeoutMs`, then releases the file, socket or agent. Later sends are dropped. Never rejects. */
  close(timeoutMs?: number): Promise<void>
}

/** A write that failed, in our own words. */
export interface DeliveryFailure {
  code: ErrorCode
  message: string
}

/** A message as one JSON line, or undefined when JSON cannot carry it (a cycle, a BigInt, undefined). */
export function encodeMessage(message: unknown): string | undefined {
  try {
    const json: unknown = JSON.stringify(message)
    return typeof json === 'string' ? json : undefined
  } catch {
    return undefined
  }
}
