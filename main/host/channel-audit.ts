/**
 * Which calls at the contract's boundary get a `channel` line of their own, and what it says.
 *
 * - every admin channel call, answered or refused (the clock, config loads with their path …);
 * - every `console.auth` attempt with its outcome, never the payload (it is the token);
 * - every refusal at the boundary (`ipc.*`: foreign sender, unknown channel, viewer on an admin
 *   channel, malformed payload) and every host fault, whatever the channel;
 * - not a viewer's successful read (`shard.status`, `observer.full` … would flood the log), and
 *   not a `console.run` that reached the router: its command line comes from the OutcomeTracker.
 */
import { invokeChannels, isInvokeName } from '../../shared/contract/channels'
import { capped } from '../console/audit-line'
import type { AuthOutcome, ChannelAuditLine } from './audit-records'
import type { ChannelCall } from './registry'

/** Payloads bigger than this many characters of JSON are replaced by their size. */
export const MAX_AUDIT_PAYLOAD_CHARS = 4 * 1024

/** The line for this call, or undefined when it is not audited as a channel call. */
export function channelAuditLine(call: ChannelCall, at: Date, adminAvailable: boolean): ChannelAuditLine | undefined {
  const auth = call.channel === 'console.auth'
  if (!auth && !audited(call)) return undefined
  const { result } = call
  const line: ChannelAuditLine = {
    kind: 'channel',
    time: at.toISOString(),
    // Client-chosen (an unknown channel) or transport-chosen: bounded either way.
    channel: call.channel.slice(0, 128),
    issuer: call.ctx.session.slice(0, 256),
    sender: call.ctx.sender.slice(0, 256),
    role: call.role,
    status: result.ok ? 'ok' : 'error'
  }
  if (!result.ok) line.error = { code: result.error.code, message: auth ? withoutToken(result.error.message, call.payload) : result.error.message.slice(0, 1024) }
  if (auth) line.outcome = authOutcome(call, adminAvailable)
  else if (call.payload !== undefined) line.payload = capped(call.payload, MAX_AUDIT_PAYLOAD_CHARS)
  return line
}

/** Whether an audited line may be held back by the viewer rate: only the security-relevant auth outcomes are always written. */
export function alwaysWritten(line: ChannelAuditLine): boolean {
  // Checked attempts are bounded by the auth throttle already; throttled refusals are not.
  return line.outcome === 'granted' || line.outcome === 'wrong_token'
}

function audited(call: ChannelCall): boolean {
  if (isInvokeName(call.channel) && invokeChannels[call.channel].role === 'admin') return true
  if (call.result.ok) return false
  const code = call.result.error.code
  return code.startsWith('ipc.') || code === 'internal.error'
}

function authOutcome(call: ChannelCall, adminAvailable: boolean): AuthOutcome {
  if (call.result.ok) return tokenOf(call.payload) === null ? 'revoked' : 'granted'
  switch (call.result.error.code) {
    case 'console.throttled':
      return 'throttled'
    case 'console.unauthorized':
      return adminAvailable ? 'wrong_token' : 'unavailable'
    default:
      return 'refused'
  }
}

/** No message quotes the token today; this keeps one that might (a schema message) from carrying it into the log. */
function withoutToken(message: string, payload: unknown): string {
  const token = tokenOf(payload)
  const clipped = message.slice(0, 1024)
  return typeof token === 'string' && token.length > 0 ? clipped.split(token).join('[token]') : clipped
}

function tokenOf(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null && 'token' in payload ? (payload as { token: unknown }).token : undefined
}
