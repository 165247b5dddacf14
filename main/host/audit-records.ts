/**
 * Every kind of line the host's console audit log holds, told apart by `kind`:
 *
 * - `command`: a console command's final outcome (main/console/audit-line.ts);
 * - `channel`: a call at the contract's boundary that is not a routed command: every admin
 *   channel call, every `console.auth` attempt (its outcome, never the token), every refusal;
 * - `audit`: the log about itself: a torn tail repaired at open, lines lost to a failed write,
 *   viewer lines suppressed past their rate.
 */
import type { Role } from '../../shared/contract/dto/console'
import type { AuditLine } from '../console/audit-line'

/** How a `console.auth` attempt ended. */
export type AuthOutcome = 'granted' | 'revoked' | 'wrong_token' | 'unavailable' | 'throttled' | 'refused'

export interface ChannelAuditLine {
  kind: 'channel'
  time: string
  channel: string
  /** The session (a client never picks it). */
  issuer: string
  /** What the transport knows of the sender, e.g. `socket 127.0.0.1`. */
  sender: string
  /** The session's role when the call arrived. */
  role: Role
  status: 'ok' | 'error'
  error?: { code: string; message: string }
  /** The request as sent, capped; never kept for `console.auth`. */
  payload?: unknown
  /** `console.auth` only. */
  outcome?: AuthOutcome
}

export interface RepairedNote {
  kind: 'audit'
  event: 'repaired'
  time: string
  file: string
  /** The torn last line cut off at open (it never ended in a newline). */
  dropped_bytes: number
}

export interface LostNote {
  kind: 'audit'
  event: 'lost'
  time: string
  /** Lines that failed to write since the last line that made it. */
  count: number
  reason: string
}

export interface SuppressedNote {
  kind: 'audit'
  event: 'suppressed'
  time: string
  issuer: string
  role: 'viewer'
  /** Lines this viewer session caused past its rate, counted instead of written. */
  count: number
  /** The same count by command or channel. */
  by: Record<string, number>
  /** When the first of them was suppressed. */
  since: string
  /** Only on the summary folding many sessions together (issuer `(other viewer sessions)`): how many. */
  sessions?: number
}

export type AuditNote = RepairedNote | LostNote | SuppressedNote

export type AuditRecord = AuditLine | ChannelAuditLine | AuditNote
