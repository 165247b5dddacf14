/**
 * The policy runtime's status (`policy.status`) as last fetched, shared by the Policy panel and
 * the inspector (which needs the possessed list). A failed refresh keeps the last status and
 * records the error beside it, so the panel does not blank on one missed poll.
 */
import { createStore } from 'zustand/vanilla'
import type { PolicyStatus } from '../../../shared/contract/dto/policy'

export interface PolicyStore {
  /** Null until the first `policy.status` answers. */
  status: PolicyStatus | null
  /** The last refresh's error (`code: message`), null after a success. */
  error: string | null
  /** Wall-clock ms of the last successful refresh. */
  fetchedAt: number | null
  setStatus(status: PolicyStatus, at: number): void
  setError(error: string | null): void
}

export function createPolicyStore() {
  return createStore<PolicyStore>()((set) => ({
    status: null,
    error: null,
    fetchedAt: null,
    setStatus: (status, fetchedAt) => set({ status, fetchedAt, error: null }),
    setError: (error) => set({ error })
  }))
}
