/**
 * The telemetry transports' status as the host last said (the `telemetry.transport` event, about
 * once a second while the shard streams, and `telemetry.status` when this page connects).
 */
import { createStore } from 'zustand/vanilla'
import type { TelemetryStatus } from '../../../shared/contract/dto/telemetry'

export interface TelemetryStore {
  /** Null until the host has answered once. */
  status: TelemetryStatus | null
  setStatus(status: TelemetryStatus): void
}

export function createTelemetryStore() {
  return createStore<TelemetryStore>()((set) => ({
    status: null,
    setStatus: (status) => set({ status })
  }))
}
