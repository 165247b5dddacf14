/**
 * The renderer's one door to the host. Everything above `api/` talks to this interface and never
 * learns whether it runs over Electron IPC or the browser-mode WebSocket.
 */
import type { EventName, EventPayload, InvokeName, InvokeReq, InvokeRes } from '../../../shared/contract/channels'
import type { Result } from '../../../shared/result'

export type ConnectionState = 'connecting' | 'connected' | 'disconnected'

export interface ConnectionInfo {
  state: ConnectionState
  /** Why the connection is down, in words an operator can act on (e.g. a refused token). */
  detail?: string
}

export interface TownletClient {
  /** Send a request; always resolves, with an `ok: false` Result for every kind of failure. */
  invoke<K extends InvokeName>(channel: K, req: InvokeReq<K>): Promise<Result<InvokeRes<K>>>
  /** Listen to an event channel with validated payloads; returns the unsubscribe function. */
  on<K extends EventName>(channel: K, listener: (payload: EventPayload<K>) => void): () => void
  /** Current connection state and every later change; returns the unsubscribe function. */
  onConnection(listener: (info: ConnectionInfo) => void): () => void
  /** Stop reconnecting and release the transport. */
  dispose(): void
}
