/**
 * Picks the transport: Electron's preload puts `window.api` on the page; without it we are in
 * browser mode and talk to the server that served this page.
 */
import type { PreloadApi } from '../../../shared/contract/preload-api'
import { createElectronTransport } from './electron-transport'
import type { SocketLike } from './socket-like'
import { createSocketTransport } from './socket-transport'
import { hasToken, socketUrlFor } from './socket-url'
import type { TownletClient } from './townlet-client'
import { createTypedClient } from './typed-client'

declare global {
  interface Window {
    /** Set by the preload in Electron; absent in browser mode. */
    api?: PreloadApi
  }
}

export function createClient(): TownletClient {
  if (window.api) return createTypedClient(createElectronTransport(window.api))
  const refusedDetail = hasToken(window.location)
    ? undefined
    : 'This page was opened without its access token. Open the full URL that `townlet serve` printed (it ends in ?token=…).'
  return createTypedClient(
    createSocketTransport({
      url: socketUrlFor(window.location),
      // The DOM WebSocket's handler properties take richer event types than SocketLike names;
      // the transport only reads the fields SocketLike declares.
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      ...(refusedDetail ? { refusedDetail } : {})
    })
  )
}
