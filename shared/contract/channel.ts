import type { z } from 'zod'

/**
 * Who may use a channel. `viewer` reads: every session that reached the host may call it.
 * `admin` changes the shard (its clock, its config, its worker, its town): only a session that
 * presented the host's admin token. The registry checks this before it parses the payload.
 */
export type ChannelRole = 'viewer' | 'admin'

/** An invoke channel: a request the renderer sends and the reply the host answers with. */
export interface InvokeChannel<Req extends z.ZodType, Res extends z.ZodType> {
  kind: 'invoke'
  role: ChannelRole
  req: Req
  res: Res
  /** One line for docs and error messages. */
  summary: string
}

/** An event channel: the host pushes payloads to every subscriber whose role may read them. */
export interface EventChannel<Payload extends z.ZodType> {
  kind: 'event'
  role: ChannelRole
  payload: Payload
  summary: string
}

export function invoke<Req extends z.ZodType, Res extends z.ZodType>(
  role: ChannelRole,
  req: Req,
  res: Res,
  summary: string
): InvokeChannel<Req, Res> {
  return { kind: 'invoke', role, req, res, summary }
}

export function event<Payload extends z.ZodType>(role: ChannelRole, payload: Payload, summary: string): EventChannel<Payload> {
  return { kind: 'event', role, payload, summary }
}
