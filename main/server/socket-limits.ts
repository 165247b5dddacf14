/**
 * What one browser-mode client may cost the host. A client that stops reading, floods requests
 * or opens socket after socket is held to these bounds instead of growing the host's memory or
 * stalling everyone else.
 */
export interface SocketLimits {
  /**
   * Bytes queued for one socket, replies and events alike. An event that would cross it is
   * dropped (latest-wins frames make that harmless); a reply is replaced by a short
   * `ipc.backpressure` error; a socket more than `slackBytes` past it is cut off.
   */
  maxBufferedBytes: number
  /** How far past the cap the small error replies may go before the socket is closed. */
  slackBytes: number
  /** Requests one socket may have in flight; more are answered `ipc.busy` at once. */
  maxInFlight: number
  /** Sockets open at once with this server's token (a window each); more are refused (4429). */
  maxSockets: number
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxBufferedBytes: 4 * 1024 * 1024,
  slackBytes: 1024 * 1024,
  maxInFlight: 32,
  maxSockets: 16
}

/** Counters a server keeps about its sockets (for tests, the bench and diagnostics). */
export interface SocketStats {
  /** Events not sent to a client that was behind. */
  droppedEvents: number
  /** Replies replaced by `ipc.backpressure` because the client was behind. */
  refusedReplies: number
  /** Requests answered `ipc.busy` because the socket had too many in flight. */
  busyReplies: number
  /** Sockets cut off for not reading at all. */
  closedSlow: number
  /** The most bytes ever queued for one socket. */
  maxBufferedBytes: number
}

export function emptySocketStats(): SocketStats {
  return { droppedEvents: 0, refusedReplies: 0, busyReplies: 0, closedSlow: 0, maxBufferedBytes: 0 }
}
