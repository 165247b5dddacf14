import type { ConnectionState } from '../api/townlet-client'

export type AppState = 'loading' | 'ready' | 'disconnected'

/**
 * The `data-app-state` marker e2e tests wait on instead of sleeping: ready once connected and a
 * status has arrived on this connection; disconnected when the link is down.
 */
export function appState(connection: ConnectionState, everConnected: boolean, fresh: boolean): AppState {
  if (connection === 'connected') return fresh ? 'ready' : 'loading'
  if (connection === 'disconnected' || everConnected) return 'disconnected'
  return 'loading'
}
