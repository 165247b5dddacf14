/**
 * Binds the handler registry and the event bus to browser-mode WebSockets: the same contract the
 * Electron preload carries, as JSON messages. Only sockets that passed the token check get here.
 */
import type { WebSocket } from 'ws'
import { SocketRequestSchema, type SocketServerMessage } from '../../shared/contract/socket-protocol'
import type { EventBus } from '../host/event-bus'
import type { Registry } from '../host/registry'

/** A client that cannot keep up loses frames rather than slowing the host: above this many buffered bytes, events are dropped. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024
/** WebSocket close code for a message that does not follow the socket protocol. */
const CLOSE_PROTOCOL_ERROR = 1008

export interface SocketStats {
  droppedEvents: number
}

/** Numbers socket sessions within this process: `socket-1`, `socket-2` … (never reused). */
let socketSessions = 0

export function bindSocket(socket: WebSocket, registry: Registry, events: EventBus, sender: string, stats: SocketStats): void {
  // One session per socket for as long as it stays open: the console's role is keyed on it.
  const session = `socket-${++socketSessions}`
  const send = (message: SocketServerMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }

  const unsubscribe = events.subscribe((channel, payload) => {
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      stats.droppedEvents += 1
      return
    }
    send({ type: 'event', channel, payload })
  })
  socket.on('close', unsubscribe)
  socket.on('error', unsubscribe)

  socket.on('message', (data, isBinary) => {
    let raw: unknown
    try {
      raw = isBinary ? undefined : JSON.parse(data.toString())
    } catch {
      raw = undefined
    }
    const request = SocketRequestSchema.safeParse(raw)
    if (!request.success) {
      // Without a valid id there is nobody to answer; say so by closing instead of ignoring it.
      socket.close(CLOSE_PROTOCOL_ERROR, 'malformed message: expected {"type":"invoke","id":N,"channel":"...","payload":{...}}')
      return
    }
    const { id, channel, payload } = request.data
    void registry.dispatch(channel, payload, { trusted: true, sender, session }).then((result) => send({ type: 'reply', id, result }))
  })
}
