/**
 * Data enters the renderer here: reply envelopes and event payloads are parsed with the
 * contract's zod schemas before any store sees them.
 */
import { z } from 'zod'
import { eventChannels, invokeChannels } from '../../../shared/contract/channels'
import type { EventName, EventPayload, InvokeName, InvokeRes } from '../../../shared/contract/channels'
import { err, ok } from '../../../shared/result'
import { resultSchema } from '../../../shared/result-schema'
import type { Result } from '../../../shared/result'

const EnvelopeSchema = resultSchema(z.unknown())

/** One line naming the first failing path, e.g. `status.tick: expected number`. */
export function describeIssues(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return 'invalid data'
  const path = first.path.length > 0 ? first.path.map(String).join('.') : '(root)'
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : ''
  return `${path}: ${first.message}${more}`
}

/** Turns whatever a transport answered into a typed Result, or `ipc.invalid_response`. */
export function parseReply<K extends InvokeName>(channel: K, raw: unknown): Result<InvokeRes<K>> {
  const envelope = EnvelopeSchema.safeParse(raw)
  if (!envelope.success) {
    const message = `Malformed reply on ${channel}: ${describeIssues(envelope.error)}`
    console.warn(`[api] ${message}`)
    return err('ipc.invalid_response', message)
  }
  if (!envelope.data.ok) {
    const { code, message, details } = envelope.data.error
    return err(code, message, details)
  }
  const value = invokeChannels[channel].res.safeParse(envelope.data.value)
  if (!value.success) {
    const message = `Unexpected reply on ${channel}: ${describeIssues(value.error)}`
    console.warn(`[api] ${message}`)
    return err('ipc.invalid_response', message)
  }
  return ok(value.data as InvokeRes<K>)
}

/** Parses an event payload; invalid payloads are dropped with a warning (returns undefined). */
export function parseEvent<K extends EventName>(channel: K, raw: unknown): EventPayload<K> | undefined {
  const parsed = eventChannels[channel].payload.safeParse(raw)
  if (parsed.success) return parsed.data as EventPayload<K>
  console.warn(`[api] dropped invalid ${channel} event: ${describeIssues(parsed.error)}`)
  return undefined
}
