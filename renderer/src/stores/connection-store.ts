import { createStore } from 'zustand/vanilla'
import type { ConnectionInfo } from '../api/townlet-client'

export interface ConnectionStore {
  info: ConnectionInfo
  /** Once connected, a later drop reads as "disconnected" rather than "loading". */
  everConnected: boolean
  setInfo(info: ConnectionInfo): void
}

export function createConnectionStore() {
  return createStore<ConnectionStore>()((set) => ({
    info: { state: 'connecting' },
    everConnected: false,
    setInfo: (info) => set((s) => ({ info, everConnected: s.everConnected || info.state === 'connected' }))
  }))
}
