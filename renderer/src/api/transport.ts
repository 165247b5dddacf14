/**
 * The untyped layer under the client: the preload's `window.api` surface plus connection state.
 * Transports move envelopes; validation against the contract happens once, in `typed-client.ts`.
 */
import type { PreloadApi } from '../../../shared/contract/preload-api'
import type { ConnectionInfo } from './townlet-client'

export interface Transport extends PreloadApi {
  /** Calls the listener at once with the current state, then on every change. */
  onConnection(listener: (info: ConnectionInfo) => void): () => void
  dispose(): void
}
