/**
 * Browser mode: the contract over one WebSocket. Requests carry numbered ids and wait in a
 * pending map for their reply. When the socket drops, every waiting request is answered with
 * `ipc.disconnected` (never left hanging, never thrown) and the transport reconnects with backoff,
 * except after a refused token, where retrying cannot help.
 */
import { SOCKET_CLOSE_FORBIDDEN_ORIGIN, SOCKET_CLOSE_TOO_MANY, SOCKET_CLOSE_UNAUTHORIZED, SocketServerMessageSchema } from '../../../shared/contract/socket-protocol'
import type { SocketRequest } from '../../../shared/contract/socket-protocol'
import { err } from '../../../shared/result'
import type { Result } from '../../../shared/result'
import { backoffDelay, DEFAULT_BACKOFF } from './backoff'
import type { BackoffOptions } from './backoff'
import { SOCKET_OPEN } from './socket-like'
import type { SocketCloseLike, SocketFactory, SocketLike } from './socket-like'
import type { ConnectionInfo } from './townlet-client'
import type { Transport } from './transport'

export interface SocketTransportOptions {
  url: string
  createSocket: SocketFactory
  backoff?: BackoffOptions
  /** Shown when the server refuses the token; the default fits a page opened from `townlet serve`. */
  refusedDetail?: string
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

interface Pending {
  channel: string
  resolve: (result: Result<unknown>) => void
}

export const TOKEN_REFUSED_DETAIL =
  'The host refused this page’s access token. Open the exact URL that `townlet serve` printed (it ends in ?token=…).'

export function createSocketTransport(options: SocketTransportOptions): Transport {
  const backoff = options.backoff ?? DEFAULT_BACKOFF
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>))
  const pending = new Map<number, Pending>()
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>()
  const connectionListeners = new Set<(info: ConnectionInfo) => void>()
  let info: ConnectionInfo = { state: 'connecting' }
  let socket: SocketLike | null = null
  let nextId = 1
  let attempt = 0
  let retryTimer: unknown = null
  let disposed = false

  function setInfo(next: ConnectionInfo): void {
    info = next
    for (const listener of connectionListeners) listener(info)
  }

  function failPending(message: string): void {
    const waiting = [...pending.values()]
    pending.clear()
    for (const request of waiting) request.resolve(err('ipc.disconnected', `${request.channel}: ${message}`))
  }

  function handleMessage(data: unknown): void {
    let json: unknown
    try {
      json = JSON.parse(String(data))
    } catch {
      console.warn('[api] dropped a socket message that is not JSON')
      return
    }
    const parsed = SocketServerMessageSchema.safeParse(json)
    if (!parsed.success) {
      answerMalformed(json)
      return
    }
    const message = parsed.data
    if (message.type === 'reply') {
      const request = pending.get(message.id)
      if (!request) {
        console.warn(`[api] reply for unknown request id ${message.id}`)
        return
      }
      pending.delete(message.id)
      // The typed client checks the envelope's error code and value against the contract.
      request.resolve(message.result as Result<unknown>)
      return
    }
    for (const listener of eventListeners.get(message.channel) ?? []) listener(message.payload)
  }

  /** A malformed message that still names a waiting request id answers it, so the caller is not left hanging. */
  function answerMalformed(json: unknown): void {
    const id = typeof json === 'object' && json !== null ? (json as { id?: unknown }).id : undefined
    const request = typeof id === 'number' ? pending.get(id) : undefined
    if (!request || typeof id !== 'number') {
      console.warn('[api] dropped a malformed socket message')
      return
    }
    pending.delete(id)
    console.warn(`[api] malformed reply on ${request.channel}`)
    request.resolve(err('ipc.invalid_response', `Malformed reply on ${request.channel}`))
  }

  function handleClose(event: SocketCloseLike): void {
    socket = null
    failPending('the connection to the host was lost')
    if (disposed) return
    if (event.code === SOCKET_CLOSE_UNAUTHORIZED) {
      setInfo({ state: 'disconnected', detail: options.refusedDetail ?? TOKEN_REFUSED_DETAIL })
      return
    }
    // Refused for its origin or host name: retrying from this page cannot succeed.
    if (event.code === SOCKET_CLOSE_FORBIDDEN_ORIGIN) {
      setInfo({ state: 'disconnected', detail: `The host refused this page: ${event.reason.slice(0, 200) || 'wrong origin'}. Open the URL townlet serve printed.` })
      return
    }
    const delay = backoffDelay(attempt++, backoff)
    // Too many windows: the host said why; one may close, so try again later all the same.
    const why = event.code === SOCKET_CLOSE_TOO_MANY ? `The host closed the connection (${event.reason.slice(0, 200)})` : 'Lost the connection to the host'
    setInfo({ state: 'disconnected', detail: `${why}; retrying in ${formatDelay(delay)}.` })
    retryTimer = setTimer(() => {
      retryTimer = null
      connect()
    }, delay)
  }

  function connect(): void {
    if (disposed) return
    setInfo({ state: 'connecting' })
    let next: SocketLike
    try {
      next = options.createSocket(options.url)
    } catch (cause) {
      // A malformed URL throws synchronously; treat it like any failed attempt.
      console.warn(`[api] could not open the socket: ${String(cause)}`)
      handleClose({ code: 1006, reason: String(cause) })
      return
    }
    socket = next
    next.onopen = () => {
      attempt = 0
      setInfo({ state: 'connected' })
    }
    next.onmessage = (event) => handleMessage(event.data)
    next.onclose = (event) => {
      if (socket === next) handleClose(event)
    }
    // An error is always followed by a close, which does the bookkeeping.
    next.onerror = () => {}
  }

  connect()

  return {
    invoke(channel, payload) {
      const open = socket
      if (!open || open.readyState !== SOCKET_OPEN) {
        return Promise.resolve(err('ipc.disconnected', `${channel}: not connected to the host`))
      }
      const id = nextId++
      const request: SocketRequest = { type: 'invoke', id, channel, payload }
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, { channel, resolve })
        try {
          open.send(JSON.stringify(request))
        } catch (cause) {
          pending.delete(id)
          resolve(err('ipc.disconnected', `${channel}: send failed (${String(cause)})`))
        }
      })
    },

    on(channel, listener) {
      let set = eventListeners.get(channel)
      if (!set) eventListeners.set(channel, (set = new Set()))
      set.add(listener)
      return () => set.delete(listener)
    },

    onConnection(listener) {
      connectionListeners.add(listener)
      listener(info)
      return () => connectionListeners.delete(listener)
    },

    dispose() {
      disposed = true
      if (retryTimer !== null) clearTimer(retryTimer)
      const open = socket
      socket = null
      open?.close(1000, 'client closed')
      failPending('the client was closed')
      setInfo({ state: 'disconnected', detail: 'Closed.' })
    }
  }
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`
}
