/**
 * Binds the handler registry to one browser-mode WebSocket: the same contract the Electron
 * preload carries, as JSON messages. Only sockets that passed the server's token, Host and Origin
 * checks get here. Events arrive already serialised (the server encodes each once for all
 * sockets); replies are encoded here. Both go through one byte cap, and requests in flight are
 * bounded, so a client that never reads or floods requests cannot grow the host's memory.
 */
import type { WebSocket } from 'ws'
import { SocketRequestSchema, type SocketReply } from '../../shared/contract/socket-protocol'
import { err } from '../../shared/result'
import type { Registry } from '../host/registry'
import type { SocketLimits, SocketStats } from './socket-limits'

/** WebSocket close code for a message that does not follow the socket protocol. */
const CLOSE_PROTOCOL_ERROR = 1008

export interface BoundSocket {
  /** Send one event, already serialised; dropped (and counted) when the client is behind. */
  event(text: string): void
}

export interface BindOptions {
  registry: Registry
  /** `socket 127.0.0.1` — for messages and logs. */
  sender: string
  /** The console session this socket is, for as long as it stays open. */
  session: string
  limits: SocketLimits
  stats: SocketStats
}

export function bindSocket(socket: WebSocket, options: BindOptions): BoundSocket {
  const { registry, sender, session, limits, stats } = options
  let inFlight = 0

  /**
   * Whether `bytes` more may be queued: under the cap, or anything at all when nothing is queued
   * (one message bigger than the cap, a whole big town, still goes to a client that keeps up).
   */
  const fits = (bytes: number): boolean => socket.bufferedAmount === 0 || socket.bufferedAmount + bytes <= limits.maxBufferedBytes
  const send = (text: string): void => {
    if (socket.readyState !== socket.OPEN) return
    socket.send(text)
    stats.maxBufferedBytes = Math.max(stats.maxBufferedBytes, socket.bufferedAmount)
    if (socket.bufferedAmount > limits.maxBufferedBytes + limits.slackBytes) {
      // Not reading at all: holding more for it would only grow the host.
      stats.closedSlow += 1
      socket.terminate()
    }
  }
  const reply = (message: SocketReply): void => {
    const text = JSON.stringify(message)
    if (fits(text.length)) return send(text)
    stats.refusedReplies += 1
    const unread = socket.bufferedAmount
    send(
      JSON.stringify({
        type: 'reply',
        id: message.id,
        result: err('ipc.backpressure', `the reply (${text.length} bytes) was not sent: this client has ${unread} bytes it has not read yet. Read what it was sent, then ask again`)
      } satisfies SocketReply)
    )
  }

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
    if (inFlight >= limits.maxInFlight) {
      stats.busyReplies += 1
      reply({ type: 'reply', id, result: err('ipc.busy', `this client already has ${limits.maxInFlight} requests in flight: wait for their replies, then send '${channel.slice(0, 64)}' again`) })
      return
    }
    inFlight += 1
    void registry.dispatch(channel, payload, { trusted: true, sender, session }).then((result) => {
      inFlight -= 1
      reply({ type: 'reply', id, result })
    })
  })

  return {
    event(text) {
      if (socket.readyState !== socket.OPEN) return
      if (!fits(text.length)) {
        stats.droppedEvents += 1
        return
      }
      send(text)
    }
  }
}
