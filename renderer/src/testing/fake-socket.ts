/**
 * A WebSocket stand-in for transport tests: records what the client sends and lets the test
 * play the server (open, reply, push events, close with a code).
 */
import { SOCKET_OPEN } from '../api/socket-like'
import type { SocketCloseLike, SocketLike } from '../api/socket-like'

export class FakeSocket implements SocketLike {
  static instances: FakeSocket[] = []
  readyState = 0
  sent: unknown[] = []
  onopen: ((event: unknown) => void) | null = null
  onclose: ((event: SocketCloseLike) => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null

  constructor(readonly url: string) {
    FakeSocket.instances.push(this)
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data))
  }

  close(code = 1000, reason = ''): void {
    this.serverClose(code, reason)
  }

  serverOpen(): void {
    this.readyState = SOCKET_OPEN
    this.onopen?.({})
  }

  serverSend(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) })
  }

  serverClose(code: number, reason = ''): void {
    if (this.readyState === 3) return
    this.readyState = 3
    this.onclose?.({ code, reason })
  }

  /** The id of the n-th request this socket sent. */
  requestId(n = 0): number {
    return (this.sent[n] as { id: number }).id
  }

  static latest(): FakeSocket {
    const socket = FakeSocket.instances[FakeSocket.instances.length - 1]
    if (!socket) throw new Error('no socket was created')
    return socket
  }
}
