/**
 * Whether this window may run admin commands, and if not, the reason to show beside the
 * disabled controls. The host decides the role; this only mirrors it so nobody clicks in vain.
 */
import type { ConsoleSession } from '../../../../shared/contract/dto/console'

export const VIEWER_REASON = 'viewer: admin token required — enter it in Console'
export const OFFLINE_REASON = 'not connected to the host'

export interface Gate {
  allowed: boolean
  /** Null when allowed. */
  reason: string | null
}

/** Admin commands are allowed for an admin session on a live connection. */
export function adminGate(session: ConsoleSession | null, connected: boolean): Gate {
  if (!connected) return { allowed: false, reason: OFFLINE_REASON }
  if (session?.role === 'admin') return { allowed: true, reason: null }
  return { allowed: false, reason: VIEWER_REASON }
}
