/**
 * The one object the preload exposes as `window.api` in Electron. The browser-mode socket client
 * offers the same surface, so nothing above the renderer's api layer knows which one it has.
 * Untyped on purpose at this edge: the renderer validates replies and payloads with the contract.
 */
import type { Result } from '../result'

export interface PreloadApi {
  /** Send a request on an invoke channel; unknown channels answer `ipc.unknown_channel`, never throw. */
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>
  /** Listen on an event channel; returns the function that stops listening. */
  on(channel: string, listener: (payload: unknown) => void): () => void
}
