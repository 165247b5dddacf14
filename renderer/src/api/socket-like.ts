/**
 * The part of the browser's WebSocket the transport uses. Declared here so the transport can be
 * unit-tested in Node with a fake class, and so tests typecheck without the DOM library.
 */
export interface SocketCloseLike {
  code: number
  reason: string
}

export interface SocketLike {
  readonly readyState: number
  onopen: ((event: unknown) => void) | null
  onclose: ((event: SocketCloseLike) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  onerror: ((event: unknown) => void) | null
  send(data: string): void
  close(code?: number, reason?: string): void
}

export type SocketFactory = (url: string) => SocketLike

/** `WebSocket.OPEN`, spelled out because Node's test environment has no WebSocket global to read it from. */
export const SOCKET_OPEN = 1
