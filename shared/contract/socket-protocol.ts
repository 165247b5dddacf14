/**
 * Messages on the browser-mode WebSocket. The socket carries exactly the contract's channels:
 * a request names an invoke channel, a reply carries its Result envelope, an event names an
 * event channel.
 */
import { z } from 'zod'
import { resultSchema } from '../result-schema'

export const SocketRequestSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string(),
  payload: z.unknown()
})
export type SocketRequest = z.infer<typeof SocketRequestSchema>

export const SocketReplySchema = z.object({
  type: z.literal('reply'),
  id: z.number().int().nonnegative(),
  result: resultSchema(z.unknown())
})
export type SocketReply = z.infer<typeof SocketReplySchema>

export const SocketEventSchema = z.object({
  type: z.literal('event'),
  channel: z.string(),
  payload: z.unknown()
})
export type SocketEvent = z.infer<typeof SocketEventSchema>

export const SocketServerMessageSchema = z.discriminatedUnion('type', [SocketReplySchema, SocketEventSchema])
export type SocketServerMessage = z.infer<typeof SocketServerMessageSchema>

/** Close code the server uses when the token is missing or wrong. */
export const SOCKET_CLOSE_UNAUTHORIZED = 4401
/** Close code for a socket beyond the per-token limit of open sockets. */
export const SOCKET_CLOSE_TOO_MANY = 4429
/** Close code for a socket opened by a page of another origin, or through another host name. */
export const SOCKET_CLOSE_FORBIDDEN_ORIGIN = 4403
/** Path of the WebSocket endpoint; the token travels as `?token=`. */
export const SOCKET_PATH = '/ws'
