/**
 * Which sessions (a browser socket, an Electron window) hold the admin role. Every session is a
 * viewer until it presents the admin token; only admins are stored, oldest dropped first past
 * a bound, so sessions that come and go cannot grow the host's memory.
 */
import type { Role } from '../../shared/contract/dto/console'

const MAX_ADMIN_SESSIONS = 1024

export class ConsoleSessions {
  private readonly admins = new Set<string>()

  role(session: string): Role {
    return this.admins.has(session) ? 'admin' : 'viewer'
  }

  grant(session: string): void {
    this.admins.delete(session)
    this.admins.add(session)
    if (this.admins.size > MAX_ADMIN_SESSIONS) this.admins.delete(this.admins.values().next().value as string)
  }

  revoke(session: string): void {
    this.admins.delete(session)
  }

  /** Every admin becomes a viewer again (the admin token changed); returns how many there were. */
  revokeAll(): number {
    const n = this.admins.size
    this.admins.clear()
    return n
  }
}
