import type { z } from 'zod'

/** An invoke channel: a request the renderer sends and the reply the host answers with. */
export interface InvokeChannel<Req extends z.ZodType, Res extends z.ZodType> {
  kind: 'invoke'
  req: Req
  res: Res
  /** One line for docs and error messages. */
  summary: string
}

/** An event channel: the host pushes payloads to every subscriber. */
export interface EventChannel<Payload extends z.ZodType> {
  kind: 'event'
  payload: Payload
  summary: string
}

export function invoke<Req extends z.ZodType, Res extends z.ZodType>(
  req: Req,
  res: Res,
  summary: string
): InvokeChannel<Req, Res> {
  return { kind: 'invoke', req, res, summary }
}

export function event<Payload extends z.ZodType>(payload: Payload, summary: string): EventChannel<Payload> {
  return { kind: 'event', payload, summary }
}
