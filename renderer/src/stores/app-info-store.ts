import { createStore } from 'zustand/vanilla'
import type { AppInfo } from '../../../shared/contract/dto/app-info'

export interface AppInfoStore {
  /** Null until `app.info` answers; capability checks treat that as "no". */
  info: AppInfo | null
  setInfo(info: AppInfo): void
}

export function createAppInfoStore() {
  return createStore<AppInfoStore>()((set) => ({
    info: null,
    setInfo: (info) => set({ info })
  }))
}
