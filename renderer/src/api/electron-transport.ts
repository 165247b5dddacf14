/**
 * Electron: the preload exposes `window.api`. IPC to our own main process is up for the life of
 * the window, so the connection is reported as connected from the start.
 */
import type { PreloadApi } from '../../../shared/contract/preload-api'
import type { Transport } from './transport'

export function createElectronTransport(api: PreloadApi): Transport {
  return {
    invoke: (channel, payload) => api.invoke(channel, payload),
    on: (channel, listener) => api.on(channel, listener),
    onConnection(listener) {
      listener({ state: 'connected' })
      return () => {}
    },
    dispose() {}
  }
}
