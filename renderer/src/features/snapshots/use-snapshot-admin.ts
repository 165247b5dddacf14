/**
 * Who sees the snapshot manager's admin buttons. A viewer sees none (one note at the top of the
 * panel says why); an admin sees them, disabled with the reason while offline. Load changes the
 * town, so it also closes while this page views a past tick (see timeline/past-gate).
 */
import { useConsole, useTimeline } from '../../app/session-context'
import type { Gate } from '../operator/command-gate'
import { useAdminGate } from '../operator/use-operator'
import { townGate } from '../timeline/past-gate'

export interface SnapshotAdmin {
  /** Render the admin buttons at all (an admin session). */
  show: boolean
  /** Save and migrate: files only. */
  gate: Gate
  /** Load: replaces the town. */
  townGate: Gate
}

export function useSnapshotAdmin(): SnapshotAdmin {
  const admin = useConsole((s) => s.session?.role === 'admin')
  const past = useTimeline((s) => s.mode === 'past')
  const gate = useAdminGate()
  return { show: admin, gate, townGate: townGate(gate, past) }
}
